import { Button, Disclosure, DisclosurePanel } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../api/types';
import { formatDateTime, formatFull, useLanguage } from '../../ui/format';
import './MessageChanges.css';

function When({ iso, label }: { iso: string; label: (time: string) => string }) {
  const language = useLanguage();
  return (
    <time dateTime={iso} title={formatFull(iso, language)}>
      {label(formatDateTime(iso, language))}
    </time>
  );
}

/** Whether a comment was removed or edited at its source, with the texts it had before. */
export function MessageChanges({ message }: { message: Message }) {
  const { t } = useTranslation();
  const earlier = message.earlierVersions ?? [];
  if (!message.removedAt && !message.editedAt) return null;
  return (
    <div className="message-changes">
      {message.removedAt && (
        <p className="notice message-removed-notice">
          <When iso={message.removedAt} label={(time) => t('changes.removed', { time })} />{' '}
          <span>{t('changes.removedKept')}</span>
        </p>
      )}
      {message.editedAt && (
        <p className="message-edited muted">
          <When iso={message.editedAt} label={(time) => t('changes.edited', { time })} />
        </p>
      )}
      {earlier.length > 0 && (
        <Disclosure className="disclosure">
          <Button slot="trigger" className="disclosure-trigger">
            {t('changes.earlier', { count: earlier.length })}
          </Button>
          <DisclosurePanel>
            <ol className="earlier-versions" aria-label={t('changes.earlierList')}>
              {earlier.map((version) => (
                <li key={`${version.since}|${version.replacedAt}`} className="earlier-version">
                  <p className="earlier-version-span muted">
                    <When iso={version.since} label={(time) => t('changes.from', { time })} />{' '}
                    <When iso={version.replacedAt} label={(time) => t('changes.until', { time })} />
                  </p>
                  <div className="earlier-version-text">{version.text}</div>
                </li>
              ))}
            </ol>
          </DisclosurePanel>
        </Disclosure>
      )}
    </div>
  );
}
