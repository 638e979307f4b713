import type { Selection } from 'react-aria-components';
import {
  Collection,
  GridList,
  GridListLoadMoreItem,
  ListLayout,
  Virtualizer,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '../../api/types';
import { useNow } from '../../ui/format';
import { useDirectory } from './queries';
import { ThreadRow } from './ThreadRow';

export const ROW_HEIGHT = 64;

/** The inbox list: virtualized, loading the next page as the end comes into view. */
export function ThreadList({
  threads,
  selectedKeys,
  onSelectionChange,
  onOpen,
  activeId,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  isLoading,
}: {
  threads: ThreadSummary[];
  selectedKeys: Set<string>;
  onSelectionChange: (keys: Selection) => void;
  onOpen: (id: string) => void;
  activeId: string | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  isLoading: boolean;
}) {
  const { t } = useTranslation();
  const names = useDirectory();
  const now = useNow();
  return (
    <Virtualizer layout={ListLayout} layoutOptions={{ rowHeight: ROW_HEIGHT, loaderHeight: 40 }}>
      <GridList
        aria-label={t('inbox.list.label')}
        className="thread-list"
        selectionMode="multiple"
        selectionBehavior="toggle"
        // Letters are shortcuts here (j, k, x, …), not a jump to a row's first letter.
        disallowTypeAhead
        selectedKeys={selectedKeys}
        onSelectionChange={onSelectionChange}
        onAction={(key) => onOpen(String(key))}
        renderEmptyState={() => (
          <p className="empty">{isLoading ? t('inbox.list.loading') : t('inbox.list.empty')}</p>
        )}
      >
        <Collection items={threads}>
          {(thread) => (
            <ThreadRow thread={thread} names={names} now={now} isActive={thread.id === activeId} />
          )}
        </Collection>
        <GridListLoadMoreItem
          className="load-more"
          onLoadMore={hasNextPage && !isFetchingNextPage ? fetchNextPage : undefined}
          isLoading={isFetchingNextPage}
        >
          <span className="muted">{t('inbox.list.loadingMore')}</span>
        </GridListLoadMoreItem>
      </GridList>
    </Virtualizer>
  );
}
