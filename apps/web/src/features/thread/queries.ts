import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { DraftKind, PresenceViewer, ThreadDetail } from '../../api/types';
import { inboxKeys, threadKey } from '../inbox/queries';

export const draftsKey = (id: string) => ['drafts', id] as const;
export const presenceKey = (id: string) => ['presence', id] as const;
export const cannedRepliesKey = ['canned-replies'] as const;

export function useThread(id: string) {
  return useQuery({
    queryKey: threadKey(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/threads/{id}', { params: { path: { id } }, signal })),
  });
}

/** Both drafts of the thread in one request; read once on opening. */
export function useServerDrafts(id: string) {
  return useQuery({
    queryKey: draftsKey(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/threads/{id}/drafts', { params: { path: { id } }, signal })),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function usePresenceList(id: string) {
  return useQuery({
    queryKey: presenceKey(id),
    queryFn: async ({ signal }): Promise<PresenceViewer[]> =>
      (await unwrap(api.GET('/api/v1/threads/{id}/presence', { params: { path: { id } }, signal })))
        .viewers,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useCannedReplies(enabled: boolean) {
  return useQuery({
    queryKey: cannedRepliesKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/canned-replies', { signal })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A reply with files goes as multipart/form-data: the text, then each file as `files`. */
function replyForm(text: string, files: File[]): FormData {
  const form = new FormData();
  form.append('text', text);
  for (const file of files) form.append('files', file, file.name);
  return form;
}

export function useSend(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, text, files = [] }: { kind: DraftKind; text: string; files?: File[] }) =>
      unwrap(
        kind === 'reply'
          ? api.POST('/api/v1/threads/{id}/replies', {
              params: { path: { id } },
              body: { text },
              ...(files.length > 0 && { bodySerializer: () => replyForm(text, files) }),
            })
          : api.POST('/api/v1/threads/{id}/notes', { params: { path: { id } }, body: { text } }),
      ),
    onSuccess: (message) => {
      queryClient.setQueryData<ThreadDetail>(threadKey(id), (thread) =>
        thread && !thread.messages.some((m) => m.id === message.id)
          ? { ...thread, messages: [...thread.messages, message] }
          : thread,
      );
      void queryClient.invalidateQueries({ queryKey: threadKey(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    },
  });
}

export function useMessageAction(id: string, action: 'retry' | 'hide') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      unwrap(
        action === 'retry'
          ? api.POST('/api/v1/threads/{id}/messages/{messageId}/retry', {
              params: { path: { id, messageId } },
            })
          : api.POST('/api/v1/threads/{id}/messages/{messageId}/hide', {
              params: { path: { id, messageId } },
            }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: threadKey(id), exact: true }),
  });
}
