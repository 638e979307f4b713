import { Button, Dialog, Heading, Keyboard, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['Enter / o', 'open'],
  ['r', 'reply'],
  ['n', 'note'],
  ['e', 'close'],
  ['a', 'assignToMe'],
  ['x', 'select'],
  ['Shift + click', 'range'],
  ['/', 'search'],
  ['?', 'help'],
] as const;

export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{t('shortcuts.title')}</Heading>
          <p className="muted">{t('shortcuts.intro')}</p>
          <dl className="shortcut-list">
            {KEYS.map(([keys, action]) => (
              <div key={action}>
                <dt>
                  <Keyboard>{keys}</Keyboard>
                </dt>
                <dd>{t(`shortcuts.action.${action}`)}</dd>
              </div>
            ))}
          </dl>
          <div className="dialog-actions">
            <Button slot="close" className="button" autoFocus>
              {t('common.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
