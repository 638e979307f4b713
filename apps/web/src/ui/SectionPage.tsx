import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTitle } from './useTitle';

/** One lead or admin page: its heading (also the tab's title), actions beside it, then the page. */
export function SectionPage({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useTitle(title);
  const headingId = useId();
  return (
    <section className="section-page" aria-labelledby={headingId}>
      <header className="page-header">
        <h1 id={headingId}>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
