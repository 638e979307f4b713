import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CalendarInput } from './types';

export const calendarKeys = {
  all: ['calendars'] as const,
  year: (id: string, year: number, language: string) => ['calendars', id, year, language] as const,
};

export function useCalendars() {
  return useQuery({
    queryKey: calendarKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calendars', { signal })),
  });
}

export function useCalendarYear(id: string | undefined, year: number, language: 'sv' | 'en') {
  return useQuery({
    queryKey: calendarKeys.year(id ?? '', year, language),
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/calendars/{id}/year', {
          params: { path: { id: id! }, query: { year, language } },
          signal,
        }),
      ),
  });
}

/** Creates a calendar, or changes the one with `id`. */
export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CalendarInput }) =>
      id
        ? unwrap(api.PATCH('/api/v1/calendars/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/calendars', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
