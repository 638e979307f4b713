import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * A button that asks before it acts: an alert dialog with the consequences,
 * Cancel focused first, and the action's error announced inside the dialog.
 * `onConfirm` gets `close` to call once the action has succeeded.
 */
export function ConfirmDialog({
  trigger,
  triggerClassName = 'button small',
  title,
  children,
  confirmLabel,
  tone = 'danger',
  isPending,
  error,
  onConfirm,
}: {
  trigger: ReactNode;
  triggerClassName?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  isPending?: boolean;
  error?: string | null;
  onConfirm: (close: () => void) => void;
}) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className={triggerClassName}>{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                {error && (
                  <p className="form-error" role="alert">
                    {error}
                  </p>
                )}
                <div className="dialog-actions">
                  <Button className="button" onPress={close} autoFocus>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    className={`button ${tone}`}
                    isPending={isPending}
                    onPress={() => onConfirm(close)}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
