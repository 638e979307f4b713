import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFull, useLanguage, useNow } from '../../../ui/format';
import { healthOf, isPaused, problemText, tokenExpiryOf, type Tone } from './health';
import type { Channel } from './types';

const SYMBOLS: Record<Tone, string> = { ok: '✓', warning: '!', danger: '✕', off: '–' };

/** The channel's state as a word with a symbol; the colour only repeats them. */
export function HealthBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const { tone, label } = healthOf(channel, useNow());
  return (
    <span className={`health-badge tone-${tone}`}>
      <span aria-hidden="true" className="health-symbol">
        {SYMBOLS[tone]}
      </span>
      {t(label)}
    </span>
  );
}

/** What stands next to the badge: backoff and the token's expiry, when there is one. */
export function HealthNotes({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const expiry = tokenExpiryOf(channel, now);
  return (
    <>
      {channel.enabled && isPaused(channel, now) && (
        <span className="health-note">
          {t('channels.health.backoff', {
            time: formatDateTime(channel.backoffUntil!, language, now),
          })}
        </span>
      )}
      {expiry && (
        <span className={`health-note tone-text-${expiry.tone}`}>
          {t(expiry.key, {
            date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(
              new Date(`${expiry.date}T12:00:00`),
            ),
          })}
        </span>
      )}
    </>
  );
}

/** The last error in words, with the source's own text folded away for support. */
export function ProblemText({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!channel.lastProblem || !channel.lastError) {
    return <span className="muted">{t('channels.list.noProblem')}</span>;
  }
  return (
    <div className="problem">
      <span className="problem-text">{problemText(t, channel.lastProblem)}</span>
      <details className="problem-details">
        <summary>{t('channels.details')}</summary>
        <span>{channel.lastError}</span>
        {channel.lastPollAt && (
          <span className="muted"> ({formatFull(channel.lastPollAt, language)})</span>
        )}
      </details>
    </div>
  );
}
