import { useState } from 'react';
import { Button, Disclosure, DisclosurePanel } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ChannelType, Message } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime, formatFull, useLanguage } from '../../ui/format';
import { AttachmentList } from './AttachmentList';
import { MessageChanges } from './MessageChanges';
import { useMessageAction } from './queries';

const isMeta = (type: ChannelType) => type === 'FACEBOOK_PAGE' || type === 'INSTAGRAM';

/** The server-sanitized html, in a sandboxed frame that runs no script and reaches nothing of the app. */
function HtmlView({ html, title }: { html: string; title: string }) {
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><base target="_blank"></head><body style="font-family:sans-serif;margin:8px;color:#1a1a1a;background:#fff">${html}</body></html>`;
  return <iframe className="html-frame" title={title} sandbox="" srcDoc={document} />;
}

function DeliveryState({ threadId, message }: { threadId: string; message: Message }) {
  const { t } = useTranslation();
  const retry = useMessageAction(threadId, 'retry');
  if (message.direction !== 'OUTBOUND') return null;
  const state = message.deliveryStatus;
  return (
    <div className={`delivery delivery-${state.toLowerCase()}`}>
      <span>{t(`delivery.${state}`)}</span>
      {state === 'FAILED' && (
        <>
          {message.deliveryError && <span className="delivery-error">{message.deliveryError}</span>}
          <Button
            className="button small"
            onPress={() => retry.mutate(message.id)}
            isPending={retry.isPending}
          >
            {t('delivery.retry')}
          </Button>
        </>
      )}
    </div>
  );
}

function HideAction({
  threadId,
  message,
  channelType,
}: {
  threadId: string;
  message: Message;
  channelType: ChannelType;
}) {
  const { t } = useTranslation();
  const hide = useMessageAction(threadId, 'hide');
  const network = t(`channel.${channelType}`);
  if (
    !isMeta(channelType) ||
    !message.publicComment ||
    !message.containsIdentityNumber ||
    message.direction !== 'INBOUND'
  )
    return null;
  if (message.hiddenAt) return <p className="notice">{t('message.hidden', { network })}</p>;
  return (
    <div className="notice warning">
      <span>{t('message.identityNumberPublic')}</span>
      <ConfirmDialog
        trigger={t('message.hide', { network })}
        title={t('message.hideConfirm.title', { network })}
        confirmLabel={t('message.hide', { network })}
        isPending={hide.isPending}
        error={hide.isError ? hide.error.message : null}
        onConfirm={(close) => hide.mutate(message.id, { onSuccess: close })}
      >
        <p>{t('message.hideConfirm.body', { network })}</p>
      </ConfirmDialog>
    </div>
  );
}

export function MessageItem({
  threadId,
  message,
  channelType,
}: {
  threadId: string;
  message: Message;
  channelType: ChannelType;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showHtml, setShowHtml] = useState(false);
  const at = message.sentAt ?? message.receivedAt;
  const author =
    message.author.name ??
    message.author.address ??
    (message.direction === 'INBOUND' ? t('thread.unknownContact') : t('message.staff'));
  const kind = message.automatic ? 'automatic' : message.direction.toLowerCase();
  return (
    <article
      className={`message message-${kind}${message.removedAt ? ' message-removed' : ''}`}
      aria-label={t(`message.kind.${kind}`, { author })}
    >
      <header className="message-header">
        <span className="message-author">{author}</span>
        {kind !== 'inbound' && (
          <span className={`message-kind kind-${kind}`}>{t(`message.badge.${kind}`)}</span>
        )}
        <time dateTime={at} title={formatFull(at, language)} className="muted">
          {formatDateTime(at, language)}
        </time>
      </header>
      {message.automatic && <p className="notice">{t('message.automaticNote')}</p>}
      <MessageChanges message={message} />
      <div className="message-text">{message.text}</div>
      {message.quotedText && (
        <Disclosure className="disclosure">
          <Button slot="trigger" className="disclosure-trigger">
            {t('message.quoted')}
          </Button>
          <DisclosurePanel className="quoted">{message.quotedText}</DisclosurePanel>
        </Disclosure>
      )}
      {message.html && channelType === 'EMAIL' && (
        <div className="html-toggle">
          <Button
            className="button small subtle"
            onPress={() => setShowHtml((shown) => !shown)}
            aria-expanded={showHtml}
          >
            {showHtml ? t('message.hideOriginal') : t('message.showOriginal')}
          </Button>
          {showHtml && (
            <HtmlView html={message.html} title={t('message.originalTitle', { author })} />
          )}
        </div>
      )}
      <AttachmentList threadId={threadId} message={message} channelType={channelType} />
      <HideAction threadId={threadId} message={message} channelType={channelType} />
      <DeliveryState threadId={threadId} message={message} />
    </article>
  );
}
