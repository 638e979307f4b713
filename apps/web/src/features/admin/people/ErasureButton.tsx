import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatFull, useLanguage } from '../../../ui/format';
import { useConfirmErasure, useRequestErasure } from './queries';
import { ERASURE_COUNTS, type ErasureRequest, type ErasureResult } from './types';

/**
 * Erasure in two steps: the button asks the API what would go and what is
 * kept (erasing nothing), the dialog shows it, and only its confirmation
 * erases, with the token the first step gave.
 */
export function ErasureButton({
  contactId,
  label,
  onErased,
}: {
  contactId: string;
  label: string;
  onErased: (result: ErasureResult) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [plan, setPlan] = useState<ErasureRequest | null>(null);
  const request = useRequestErasure();
  const confirm = useConfirmErasure();

  const close = () => {
    setPlan(null);
    confirm.reset();
  };

  return (
    <>
      <Button
        className="button small danger"
        aria-label={t('records.people.eraseNamed', { name: label })}
        isPending={request.isPending}
        onPress={() => request.mutate(contactId, { onSuccess: setPlan })}
      >
        {t('records.people.erase')}
      </Button>
      {request.error && (
        <p className="form-error" role="alert">
          {request.error.message}
        </p>
      )}
      <ModalOverlay
        className="modal-overlay"
        isOpen={plan !== null}
        onOpenChange={(open) => !open && close()}
        isDismissable
      >
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {plan && (
              <>
                <Heading slot="title">{t('records.people.eraseTitle', { name: label })}</Heading>
                <h3 className="dialog-subheading">{t('records.people.goes')}</h3>
                <ul className="erasure-counts">
                  {ERASURE_COUNTS.map((key) => (
                    <li key={key}>
                      {t(`records.people.counts.${key}`, { count: plan.summary[key] })}
                    </li>
                  ))}
                </ul>
                <h3 className="dialog-subheading">{t('records.people.kept')}</h3>
                <p>
                  {t('records.people.keptPackages', { count: plan.kept.recordPackages })}{' '}
                  {t('records.people.keptReason')}
                </p>
                {plan.inboundBatchesBeingIngested !== undefined && (
                  <p className="notice warning">{t('records.people.stillIngesting')}</p>
                )}
                <p className="muted">
                  {t('records.people.expires', { time: formatFull(plan.expiresAt, language) })}
                </p>
                {confirm.error && (
                  <p className="form-error" role="alert">
                    {confirm.error.message}
                  </p>
                )}
                <div className="dialog-actions">
                  <Button className="button" onPress={close} autoFocus>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    className="button danger"
                    isPending={confirm.isPending}
                    onPress={() =>
                      confirm.mutate(
                        { contactId, token: plan.confirmationToken },
                        {
                          onSuccess: (result) => {
                            close();
                            onErased(result);
                          },
                        },
                      )
                    }
                  >
                    {t('records.people.confirmErase')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
