import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { onLoginRequired } from '../../api/client';
import type { Session } from '../../api/types';
import { sessionKey } from './session';
import { SignInMethods } from './sso/SignInMethods';
import { useAuthMethods } from './sso/useAuthMethods';

/**
 * Opens over the current page when a request answers 401; the page, its
 * typed text and the request that failed stay, and the request is sent again.
 */
export function LoginDialog() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { methods } = useAuthMethods();
  const [open, setOpen] = useState(false);
  const waiting = useRef<(() => void) | null>(null);
  const previousUserId = useRef<string | null>(null);

  useEffect(() => {
    onLoginRequired(
      () =>
        new Promise<void>((resolve) => {
          waiting.current = resolve;
          previousUserId.current =
            queryClient.getQueryData<Session | null>(sessionKey)?.user.id ?? null;
          setOpen(true);
        }),
    );
    return () => onLoginRequired(null);
  }, [queryClient]);

  const signedIn = (session: Session) => {
    if (previousUserId.current && previousUserId.current !== session.user.id) {
      // Someone else signed in: nothing of the previous person's page may stay.
      location.assign('/');
      return;
    }
    setOpen(false);
    waiting.current?.();
    waiting.current = null;
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={open}
      isDismissable={false}
      isKeyboardDismissDisabled
    >
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{t('auth.expired.title')}</Heading>
          <p>{t('auth.expired.body')}</p>
          {methods?.singleSignOn ? (
            <p className="muted">{t('sso.expiredNote', { name: methods.singleSignOn.name })}</p>
          ) : null}
          <SignInMethods
            onSignedIn={signedIn}
            returnTo={`${location.pathname}${location.search}`}
          />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
