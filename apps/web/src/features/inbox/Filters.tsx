import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Button, Input, Label, SearchField, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/SelectField';
import { useDirectory } from './queries';
import { CHANNEL_TYPES, SLA_FILTERS, STATUSES, type InboxSearch } from './search';

export const SEARCH_INPUT_ID = 'inbox-search';
const ANY = '';

/** Filters and search; every change goes into the URL at once (search after a short pause). */
export function Filters({ search }: { search: InboxSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: directory } = useDirectory();
  const set = (patch: Partial<InboxSearch>) =>
    void navigate({
      to: '.',
      search: (previous: InboxSearch) => {
        const next: Record<string, unknown> = { ...previous, ...patch };
        for (const key of Object.keys(next)) if (next[key] === ANY) delete next[key];
        return next as InboxSearch;
      },
      replace: true,
    });

  // The typed text follows the URL when the URL changes (back, a link, "clear filters").
  const [q, setQ] = useState(search.q ?? '');
  const [urlQ, setUrlQ] = useState(search.q);
  if (urlQ !== search.q) {
    setUrlQ(search.q);
    setQ(search.q ?? '');
  }
  useEffect(() => {
    if ((search.q ?? '') === q.trim()) return;
    const timer = setTimeout(() => set({ q: q.trim() || undefined }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [q]);

  const [tag, setTag] = useState(search.tag ?? '');
  const [urlTag, setUrlTag] = useState(search.tag);
  if (urlTag !== search.tag) {
    setUrlTag(search.tag);
    setTag(search.tag ?? '');
  }

  const any = { id: ANY, name: t('filters.any') };
  const hasFilters = ['status', 'channelType', 'teamId', 'assigneeId', 'sla', 'tag', 'q'].some(
    (key) => search[key as keyof InboxSearch] !== undefined,
  );
  return (
    <search className="filters" aria-label={t('filters.label')}>
      <SearchField
        className="field search-field"
        value={q}
        onChange={setQ}
        onSubmit={() => set({ q: q.trim() || undefined })}
      >
        <Label>{t('filters.search')}</Label>
        <Input id={SEARCH_INPUT_ID} placeholder={t('filters.searchPlaceholder')} />
        <Button className="clear-button" aria-label={t('filters.clearSearch')}>
          ×
        </Button>
      </SearchField>
      <div className="filter-row">
        <SelectField
          label={t('filters.status')}
          value={search.status ?? 'OPEN'}
          options={[
            ...STATUSES.map((status) => ({ id: status, name: t(`status.${status}`) })),
            { id: 'any', name: t('filters.anyStatus') },
          ]}
          onChange={(status) =>
            set({ status: status === 'OPEN' ? undefined : (status as InboxSearch['status']) })
          }
        />
        <SelectField
          label={t('filters.channelType')}
          value={search.channelType ?? ANY}
          options={[
            any,
            ...CHANNEL_TYPES.map((type) => ({ id: type, name: t(`channel.${type}`) })),
          ]}
          onChange={(channelType) =>
            set({ channelType: channelType as InboxSearch['channelType'] })
          }
        />
        <SelectField
          label={t('filters.team')}
          value={search.teamId ?? ANY}
          options={[any, ...(directory?.teams ?? [])]}
          onChange={(teamId) => set({ teamId })}
        />
        <SelectField
          label={t('filters.assignee')}
          value={search.assigneeId ?? ANY}
          options={[
            any,
            { id: 'none', name: t('inbox.row.unassigned') },
            ...(directory?.users.filter((user) => user.active) ?? []),
          ]}
          onChange={(assigneeId) => set({ assigneeId })}
          isDisabled={search.view === 'mine' || search.view === 'unassigned'}
        />
        <SelectField
          label={t('filters.sla')}
          value={search.sla ?? ANY}
          options={[any, ...SLA_FILTERS.map((sla) => ({ id: sla, name: t(`sla.filter.${sla}`) }))]}
          onChange={(sla) => set({ sla: sla as InboxSearch['sla'] })}
          isDisabled={search.view === 'breached'}
        />
        <TextField
          className="field tag-field"
          value={tag}
          onChange={setTag}
          onBlur={() => set({ tag: tag.trim() || undefined })}
          onKeyDown={(event) => event.key === 'Enter' && set({ tag: tag.trim() || undefined })}
        >
          <Label>{t('filters.tag')}</Label>
          <Input />
        </TextField>
        {hasFilters && (
          <Button
            className="button subtle"
            onPress={() =>
              void navigate({
                to: '.',
                search: (previous: InboxSearch) => ({ view: previous.view }),
                replace: true,
              })
            }
          >
            {t('filters.clear')}
          </Button>
        )}
      </div>
    </search>
  );
}
