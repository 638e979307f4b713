import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ThreadCounts } from '../../api/types';
import { useLanguage } from '../../ui/format';
import { useCounts } from './queries';
import type { InboxSearch, View } from './search';

type CountedView = Exclude<View, 'all'>;
const COUNTED: CountedView[] = ['mine', 'unassigned', 'myTeams', 'breached'];

/** "10 000+" when the count stopped at its cap. */
export function formatCount(counts: ThreadCounts, view: CountedView, language: string): string {
  const value = new Intl.NumberFormat(language).format(counts[view]);
  return counts.capped?.[view] ? `${value}+` : value;
}

export function ViewNav({ search }: { search: InboxSearch }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data: counts } = useCounts();
  const current = search.view ?? 'all';
  return (
    <nav className="view-nav" aria-label={t('inbox.views.label')}>
      <ul>
        {(['all', ...COUNTED] as View[]).map((view) => (
          <li key={view}>
            <Link
              to="/"
              search={{ ...search, view: view === 'all' ? undefined : view }}
              className={`view-link${view === current ? ' is-current' : ''}`}
              aria-current={view === current ? 'page' : undefined}
            >
              <span>{t(`inbox.views.${view}`)}</span>
              {view !== 'all' && counts && (
                <span
                  className={`count${view === 'breached' && counts.breached > 0 ? ' alert' : ''}`}
                >
                  {formatCount(counts, view, language)}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
