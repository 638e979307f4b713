import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from './types';

/** A connection test's outcome in words; the source's own reason folded away. */
export function ConnectionResult({
  result,
  isPending,
}: {
  result?: ConnectionTest;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="connection-result" role="status">
      {isPending && <p className="muted">{t('channels.form.testing')}</p>}
      {!isPending && result?.ok && (
        <p className="notice tone-ok">
          <span aria-hidden="true">✓ </span>
          {t('channels.form.testOk')}
        </p>
      )}
      {!isPending && result && !result.ok && (
        <div className="notice error">
          <p>
            <span aria-hidden="true">✕ </span>
            {t('channels.form.testFailed', {
              problem: t(`channels.problem.${result.problem ?? 'UNKNOWN'}`),
            })}
          </p>
          {result.reason && (
            <details className="problem-details">
              <summary>{t('channels.details')}</summary>
              {result.reason}
            </details>
          )}
        </div>
      )}
    </div>
  );
}
