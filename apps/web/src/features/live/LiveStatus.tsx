import { useTranslation } from 'react-i18next';
import type { LiveStatus as Status } from './useLiveEvents';

export function LiveStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <p className={`live-status ${status}`} aria-live="polite">
      {status === 'reconnecting' ? t('live.reconnecting') : ''}
    </p>
  );
}
