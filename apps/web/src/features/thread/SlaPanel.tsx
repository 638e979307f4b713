import { useTranslation } from 'react-i18next';
import type { ThreadDetail } from '../../api/types';
import { formatFull, formatRelative, useLanguage, useNow } from '../../ui/format';
import { SlaBadge } from '../inbox/SlaBadge';

/** First response, next response and resolution due; paused while pending; escalations sent. */
export function SlaPanel({ thread }: { thread: ThreadDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const rows = [
    ['firstResponse', thread.firstResponseDueAt],
    ['nextResponse', thread.nextResponseDueAt],
    ['resolution', thread.resolutionDueAt],
  ] as const;
  return (
    <section className="panel sla-panel" aria-labelledby="sla-heading">
      <h3 id="sla-heading">
        {t('sla.panel.title')} <SlaBadge state={thread.slaState} dueAt={thread.dueAt} now={now} />
      </h3>
      {thread.slaPaused && <p className="notice">{t('sla.panel.paused')}</p>}
      <dl className="facts">
        {rows.map(([key, due]) => (
          <div key={key}>
            <dt>{t(`sla.panel.${key}`)}</dt>
            <dd>
              {due ? (
                <>
                  <time dateTime={due}>{formatFull(due, language)}</time>{' '}
                  <span className="muted unbroken">({formatRelative(due, language, now)})</span>
                </>
              ) : (
                <span className="muted">{t('sla.panel.none')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {thread.escalations.length > 0 && (
        <>
          <h4>{t('sla.panel.escalations')}</h4>
          <ul className="escalations">
            {thread.escalations.map((escalation) => (
              <li key={`${escalation.level}-${escalation.target}`}>
                <span>{t('sla.panel.level', { level: escalation.level })}</span>{' '}
                <span>{t(`sla.escalationStatus.${escalation.status}`)}</span>{' '}
                {escalation.sentAt && (
                  <time dateTime={escalation.sentAt} className="muted">
                    {formatFull(escalation.sentAt, language)}
                  </time>
                )}
                {escalation.recipients.length > 0 && (
                  <span className="muted">
                    {' '}
                    — {t('sla.panel.to', { recipients: escalation.recipients.join(', ') })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
