import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Channel, ChannelChanges, ChannelInput } from './types';

export const channelKeys = {
  all: ['channels'] as const,
  one: (id: string) => ['channels', id] as const,
};

/** While a poll is queued or a channel backs off, health changes by itself: look again soon. */
const HEALTH_REFRESH_MS = 5_000;

export function useChannels() {
  return useQuery({
    queryKey: channelKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/channels', { signal })),
    refetchInterval: HEALTH_REFRESH_MS,
  });
}

export function useChannel(id: string) {
  return useQuery({
    queryKey: channelKeys.one(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/channels/{id}', { params: { path: { id } }, signal })),
    refetchInterval: HEALTH_REFRESH_MS,
  });
}

/** The e-mail channels by name, for a web form's reply mailbox (read from the channel list). */
export function useEmailChannels() {
  return useQuery({
    queryKey: channelKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/channels', { signal })),
    select: (channels) =>
      channels.filter((channel) => channel.type === 'EMAIL').map(({ id, name }) => ({ id, name })),
    staleTime: 60_000,
  });
}

interface SlaPolicyName {
  id: string;
  name: string;
}

/** The SLA policies by name, for the channel's policy picker. */
export function useSlaPolicyNames() {
  return useQuery({
    queryKey: ['sla-policies', 'names'],
    queryFn: async ({ signal }) => {
      // The policy list is not described in the API document yet: only id and name are read.
      const policies = (await unwrap(api.GET('/api/v1/sla-policies', { signal }))) as unknown;
      return (Array.isArray(policies) ? (policies as SlaPolicyName[]) : []).map(({ id, name }) => ({
        id,
        name,
      }));
    },
    staleTime: 60_000,
  });
}

function useStoreChannel() {
  const queryClient = useQueryClient();
  return (channel: Channel) => {
    queryClient.setQueryData(channelKeys.one(channel.id), channel);
    void queryClient.invalidateQueries({ queryKey: channelKeys.all, exact: true });
  };
}

export function useCreateChannel() {
  const store = useStoreChannel();
  return useMutation({
    mutationFn: (body: ChannelInput) => unwrap(api.POST('/api/v1/channels', { body })),
    onSuccess: store,
  });
}

export function useUpdateChannel(id: string) {
  const store = useStoreChannel();
  return useMutation({
    mutationFn: (body: ChannelChanges) =>
      unwrap(api.PATCH('/api/v1/channels/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function usePollChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/channels/{id}/poll', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelKeys.all }),
  });
}

/** Tries settings without saving them: a new channel's, or changes over a stored one's. */
export function useTestConnection(id?: string) {
  return useMutation({
    mutationFn: (body: ChannelInput | Pick<ChannelChanges, 'config' | 'secrets'>) =>
      id
        ? unwrap(api.POST('/api/v1/channels/{id}/test', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/channels/test', { body: body as ChannelInput })),
  });
}
