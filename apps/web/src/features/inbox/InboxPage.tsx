import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Selection } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useShortcuts } from '../shortcuts/shortcuts';
import { useQuickActions } from '../thread/actions';
import { requestCompose } from '../thread/compose-intent';
import { BulkBar } from './BulkBar';
import { Filters, SEARCH_INPUT_ID } from './Filters';
import { useThreadList } from './queries';
import { listQuery, rangeBetween, validateInboxSearch, type InboxSearch } from './search';
import { ThreadList } from './ThreadList';
import { useTitle } from '../../ui/useTitle';
import { ViewNav } from './ViewNav';

// The thread view is its own chunk: the first inbox page does not wait for it.
const ThreadView = lazy(() => import('../thread/ThreadView'));

const rowSelector = (id: string) => `.thread-list [data-key="${CSS.escape(id)}"]`;
const focusedRowId = () =>
  document.activeElement?.closest('.thread-list [data-key]')?.getAttribute('data-key') ?? undefined;

/** The inbox: views, filters and the list; the open thread beside it on wide screens. */
export function InboxPage({ threadId }: { threadId?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const search = validateInboxSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const searchKey = JSON.stringify(search);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query follows the URL's values
  const query = useMemo(() => listQuery(search, me), [searchKey, me]);
  const list = useThreadList(query);
  const threads = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const ids = useMemo(() => threads.map((thread) => thread.id), [threads]);
  const actions = useQuickActions();
  useTitle(threadId ? undefined : t('inbox.title'));

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const shiftHeld = useRef(false);
  const [helpOpen, setHelpOpen] = useState(false);

  // A new view or filter starts a new selection.
  const [selectionFor, setSelectionFor] = useState(searchKey);
  if (selectionFor !== searchKey) {
    setSelectionFor(searchKey);
    setSelected(new Set());
  }

  useEffect(() => {
    const track = (event: KeyboardEvent | PointerEvent) => {
      shiftHeld.current = event.shiftKey;
    };
    window.addEventListener('pointerdown', track, true);
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    return () => {
      window.removeEventListener('pointerdown', track, true);
      window.removeEventListener('keydown', track, true);
      window.removeEventListener('keyup', track, true);
    };
  }, []);

  const onSelectionChange = (keys: Selection) => {
    const next = keys === 'all' ? new Set(ids) : new Set([...keys].map(String));
    const added = [...next].filter((id) => !selected.has(id));
    if (shiftHeld.current && anchor.current && added.length === 1) {
      for (const id of rangeBetween(ids, anchor.current, added[0])) next.add(id);
    }
    if (added.length === 1) anchor.current = added[0];
    setSelected(next);
  };

  const open = (id: string) =>
    void navigate({
      to: '/threads/$threadId',
      params: { threadId: id },
      search: (previous: InboxSearch) => previous,
    });

  const current = () => focusedRowId() ?? threadId;

  const move = (delta: 1 | -1) => {
    const from = current();
    const index = from ? ids.indexOf(from) : -1;
    const next = ids[Math.min(ids.length - 1, Math.max(0, index + delta))];
    if (!next) return;
    if (index + delta >= ids.length - 5 && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
    }
    const inList = document.activeElement?.closest('.thread-list');
    if (threadId && !inList) open(next);
    else document.querySelector<HTMLElement>(rowSelector(next))?.focus();
  };

  const compose = (kind: 'reply' | 'note') => {
    const id = current();
    if (!id) return;
    requestCompose(kind, id !== threadId);
    if (id !== threadId) open(id);
  };

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    o: () => {
      const id = focusedRowId();
      if (id) open(id);
    },
    r: () => compose('reply'),
    n: () => compose('note'),
    e: () => {
      const id = current();
      if (id) void actions.close(id);
    },
    a: () => {
      const id = current();
      if (id) void actions.assignToMe(id);
    },
    x: () => {
      const id = focusedRowId();
      if (!id) return;
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else {
        next.add(id);
        anchor.current = id;
      }
      setSelected(next);
    },
    '/': () => document.getElementById(SEARCH_INPUT_ID)?.focus(),
    '?': () => setHelpOpen(true),
  });

  return (
    <div className={`inbox-layout${threadId ? ' with-thread' : ''}`}>
      <aside className="sidebar">
        <ViewNav search={search} />
      </aside>
      <section className="list-pane" aria-labelledby="inbox-heading">
        <h1 id="inbox-heading" className="visually-hidden">
          {t('inbox.title')}
        </h1>
        <Filters search={search} />
        <BulkBar selected={[...selected]} onDone={() => setSelected(new Set())} />
        {list.isError && (
          <p className="notice error" role="alert">
            {t('inbox.list.error')}
          </p>
        )}
        <ThreadList
          threads={threads}
          selectedKeys={selected}
          onSelectionChange={onSelectionChange}
          onOpen={open}
          activeId={threadId}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={() => void list.fetchNextPage()}
          isLoading={list.isPending}
        />
      </section>
      {threadId && (
        <section className="thread-pane" aria-label={t('thread.label')}>
          <Suspense fallback={<p className="muted pad">{t('thread.loading')}</p>}>
            <ThreadView key={threadId} threadId={threadId} />
          </Suspense>
        </section>
      )}
      <ShortcutsDialog isOpen={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
