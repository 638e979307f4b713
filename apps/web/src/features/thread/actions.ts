import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { ThreadDetail, ThreadList, ThreadUpdate } from '../../api/types';
import { announce } from '../../ui/announce';
import { useMe } from '../auth/session';
import { inboxKeys, threadKey } from '../inbox/queries';

/** The version the cache knows of a thread, from the open thread or any loaded list page. */
function knownVersion(
  queryClient: ReturnType<typeof useQueryClient>,
  id: string,
): number | undefined {
  const detail = queryClient.getQueryData<ThreadDetail>(threadKey(id));
  if (detail) return detail.version;
  for (const [, data] of queryClient.getQueriesData<InfiniteData<ThreadList>>({
    queryKey: [...inboxKeys.all, 'list'],
  })) {
    const found = data?.pages.flatMap((page) => page.data).find((thread) => thread.id === id);
    if (found) return found.version;
  }
  return undefined;
}

/** Close and assign-to-me by thread id, for shortcuts and buttons alike. */
export function useQuickActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const update = async (id: string, change: Omit<ThreadUpdate, 'version'>, done: string) => {
    let version = knownVersion(queryClient, id);
    if (version === undefined) {
      const thread = await unwrap(api.GET('/api/v1/threads/{id}', { params: { path: { id } } }));
      version = thread.version;
    }
    try {
      await unwrap(
        api.PATCH('/api/v1/threads/{id}', {
          params: { path: { id } },
          body: { version, ...change },
        }),
      );
      announce(done);
    } catch (error) {
      announce(t('thread.error.update', { message: (error as Error).message }));
    } finally {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      void queryClient.invalidateQueries({ queryKey: threadKey(id) });
    }
  };
  return {
    close: (id: string) => update(id, { status: 'CLOSED' }, t('thread.announce.closed')),
    assignToMe: (id: string) =>
      update(id, { assigneeId: me.id }, t('thread.announce.assignedToMe')),
  };
}
