import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/base';
import type { ChannelType, Message, StoredAttachment } from '../../api/types';
import { formatBytes, useLanguage } from '../../ui/format';
import './AttachmentList.css';

const networkOf = (type: ChannelType) => (type === 'INSTAGRAM' ? 'Instagram' : 'Facebook');

export const attachmentUrl = (threadId: string, messageId: string, n: number, thumb = false) =>
  `${API_BASE}/threads/${encodeURIComponent(threadId)}/messages/${encodeURIComponent(messageId)}/attachments/${n}${thumb ? '?size=thumb' : ''}`;

function StoredItem({
  threadId,
  messageId,
  attachment,
  channelType,
}: {
  threadId: string;
  messageId: string;
  attachment: StoredAttachment;
  channelType: ChannelType;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const size = formatBytes(attachment.size, language);
  if (attachment.state !== 'STORED') {
    const note =
      attachment.state === 'PENDING'
        ? t('attachments.pending', { network: networkOf(channelType) })
        : t(`attachments.leftOut.${attachment.leftOutReason ?? 'download-failed'}`);
    return (
      <li className="attachment attachment-missing">
        <span className="attachment-name">{attachment.filename}</span>
        <span className="attachment-note">
          <strong>
            {attachment.state === 'PENDING'
              ? t('attachments.pendingLabel')
              : t('attachments.notStored')}
          </strong>{' '}
          {note}
        </span>
      </li>
    );
  }
  const url = attachmentUrl(threadId, messageId, attachment.n);
  return (
    <li className="attachment">
      {attachment.thumbnail && (
        <img
          className="attachment-thumbnail"
          src={attachmentUrl(threadId, messageId, attachment.n, true)}
          alt={t('attachments.thumbnailAlt', { name: attachment.filename })}
          loading="lazy"
        />
      )}
      <span className="attachment-line">
        <a className="attachment-name" href={url} download={attachment.filename}>
          {attachment.filename}
          <span className="visually-hidden">{t('attachments.downloadHint', { size })}</span>
        </a>
        <span className="muted" aria-hidden="true">
          {attachment.contentType} · {size}
        </span>
      </span>
    </li>
  );
}

/**
 * A message's attachments: a download link each (images with a thumbnail),
 * and for one not stored, what happened to it. Messages stored before
 * attachments were kept list their files' names only.
 */
export function AttachmentList({
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
  // A reply just sent is shown before the thread is read again: it has none yet.
  const stored = message.storedAttachments ?? [];
  const count = stored.length || message.attachments.length;
  if (count === 0) return null;
  const headingId = `attachments-${message.id}`;
  return (
    <section className="attachments" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('message.attachments', { count })}</h4>
      <ul>
        {stored.length > 0
          ? stored.map((attachment) => (
              <StoredItem
                key={attachment.n}
                threadId={threadId}
                messageId={message.id}
                attachment={attachment}
                channelType={channelType}
              />
            ))
          : message.attachments.map((attachment, index) => (
              <li className="attachment" key={`${attachment.filename}-${index}`}>
                <span className="attachment-name">{attachment.filename}</span>
                <span className="muted">
                  {attachment.contentType} · {formatBytes(attachment.size, language)}
                </span>
              </li>
            ))}
      </ul>
    </section>
  );
}
