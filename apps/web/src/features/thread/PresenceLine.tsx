import { useTranslation } from 'react-i18next';
import type { PresenceViewer } from '../../api/types';
import { useNow } from '../../ui/format';
import { useMe } from '../auth/session';
import { usePresenceList } from './queries';

/** Viewers whose entry has not lapsed, the signed-in person left out. */
export function activeViewers(
  viewers: PresenceViewer[],
  myId: string,
  now: number,
): PresenceViewer[] {
  return viewers.filter(
    (viewer) => viewer.userId !== myId && new Date(viewer.until).getTime() > now,
  );
}

/** "Anna is viewing" / "Anna is typing a reply…", announced politely. */
export function PresenceLine({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const now = useNow(2_000);
  const { data = [] } = usePresenceList(threadId);
  const viewers = activeViewers(data, me.id, now);
  return (
    <p className="presence" aria-live="polite">
      {viewers.map((viewer) => (
        <span key={viewer.userId} className={`presence-entry${viewer.typing ? ' typing' : ''}`}>
          {viewer.typing
            ? t('presence.typing', { name: viewer.name })
            : t('presence.viewing', { name: viewer.name })}
        </span>
      ))}
    </p>
  );
}
