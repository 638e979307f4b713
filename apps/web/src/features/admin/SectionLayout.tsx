import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UserRole } from '../../api/types';
import { useMe } from '../auth/session';
import type { SectionGroup } from './sections';
import '../../ui/admin.css';

/**
 * The frame of the lead and admin pages: a side navigation of the sections and
 * the page. Someone whose role may not open them sees why instead; the API
 * refuses their requests anyway.
 */
export function SectionLayout({
  navLabel,
  groups,
  roles,
}: {
  navLabel: string;
  groups: readonly SectionGroup[];
  roles: readonly UserRole[];
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (!roles.includes(me.role)) {
    return (
      <section className="section-page" aria-labelledby="not-allowed-heading">
        <h1 id="not-allowed-heading">{t('sections.notAllowed.title')}</h1>
        <p className="notice error" role="alert">
          {t(me.role === 'AGENT' ? 'sections.notAllowed.agent' : 'sections.notAllowed.lead')}
        </p>
        <Link to="/">{t('sections.notAllowed.back')}</Link>
      </section>
    );
  }
  return (
    <div className="section-layout">
      <nav className="section-nav" aria-label={navLabel}>
        {groups.map((group) => (
          <div key={group.label}>
            <h2>{t(`sections.${group.label}`)}</h2>
            <ul>
              {group.sections.map((section) => (
                <li key={section.to}>
                  <Link
                    to={section.to}
                    className="section-link"
                    // A section stays marked on its own sub-pages (a channel, a new policy);
                    // the lead's dashboard is the root of the others, so only it matches exactly.
                    activeOptions={{ exact: section.exact ?? false }}
                  >
                    {t(`sections.${section.label}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
