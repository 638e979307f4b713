import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useLanguage, useNow } from '../../ui/format';
import { SectionPage } from '../../ui/SectionPage';
import { SelectField } from '../../ui/SelectField';
import { useLeadDashboard } from './queries';
import { validateDashboardSearch } from './search';
import { DashboardThreadList } from './ThreadList';
import type { AgentLoad, LeadDashboard } from './types';
import './lead.css';

/** A team lead's teams now: what is late, what soon will be, who waits, who has what. */
export function DashboardPage() {
  const { t } = useTranslation();
  const search = validateDashboardSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const dashboard = useLeadDashboard(search.team);
  const data = dashboard.data;
  const title = data?.team
    ? t('lead.dashboard.titleFor', { team: data.team.name })
    : t('sections.dashboard');
  return (
    <SectionPage
      title={title}
      actions={
        data && data.teams.length > 1 && data.team ? (
          <SelectField
            className="inline"
            label={t('lead.dashboard.team')}
            value={data.team.id}
            options={data.teams}
            onChange={(team) => void navigate({ to: '/lead', search: { team } })}
          />
        ) : undefined
      }
    >
      {dashboard.isError && (
        <p className="notice error" role="alert">
          {t('lead.dashboard.failed', { message: dashboard.error.message })}
        </p>
      )}
      {dashboard.isPending && <p className="muted">{t('lead.loading')}</p>}
      {data && !data.team && <p className="muted">{t('lead.dashboard.noTeams')}</p>}
      {data?.team && <Dashboard data={data} />}
    </SectionPage>
  );
}

function countText(t: ReturnType<typeof useTranslation>['t'], count: number, capped: boolean) {
  return capped ? t('lead.dashboard.atLeast', { count }) : String(count);
}

function Dashboard({ data }: { data: LeadDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const breachedId = useId();
  const atRiskId = useId();
  const waitingId = useId();
  const agentsId = useId();
  const summary = [
    t('lead.dashboard.summary.breached', {
      count: data.breached.count,
      n: countText(t, data.breached.count, data.breached.capped),
    }),
    t('lead.dashboard.summary.atRisk', {
      count: data.atRisk.count,
      n: countText(t, data.atRisk.count, data.atRisk.capped),
    }),
    t('lead.dashboard.summary.unassigned', {
      count: data.unassigned,
      n: countText(t, data.unassigned, data.unassignedCapped),
    }),
  ].join(' ');
  const teamId = data.team!.id;
  return (
    <>
      <p className="dashboard-summary" aria-live="polite">
        {summary}
      </p>
      <p className="muted dashboard-updated">
        {t('lead.dashboard.updated', { time: formatDateTime(data.generatedAt, language, now) })}
      </p>
      <div className="dashboard-grid">
        <section className="dashboard-card" aria-labelledby={breachedId}>
          <h2 id={breachedId}>
            {t('lead.dashboard.breached')}{' '}
            <span className="count">{countText(t, data.breached.count, data.breached.capped)}</span>
          </h2>
          <DashboardThreadList
            threads={data.breached.threads}
            now={now}
            empty={t('lead.dashboard.noneBreached')}
            labelledBy={breachedId}
          />
          <ShownOf shown={data.breached.threads.length} total={data.breached.count}>
            <Link to="/" search={{ view: 'breached', teamId }}>
              {t('lead.dashboard.allInInbox')}
            </Link>
          </ShownOf>
        </section>
        <section className="dashboard-card" aria-labelledby={atRiskId}>
          <h2 id={atRiskId}>
            {t('lead.dashboard.atRisk')}{' '}
            <span className="count">{countText(t, data.atRisk.count, data.atRisk.capped)}</span>
          </h2>
          <p className="muted card-hint">{t('lead.dashboard.atRiskHint')}</p>
          <DashboardThreadList
            threads={data.atRisk.threads}
            now={now}
            empty={t('lead.dashboard.noneAtRisk')}
            labelledBy={atRiskId}
          />
          <ShownOf shown={data.atRisk.threads.length} total={data.atRisk.count} />
        </section>
        <section className="dashboard-card" aria-labelledby={waitingId}>
          <h2 id={waitingId}>{t('lead.dashboard.oldestWaiting')}</h2>
          <DashboardThreadList
            threads={data.oldestWaiting}
            now={now}
            empty={t('lead.dashboard.noneWaiting')}
            labelledBy={waitingId}
          />
        </section>
        <section className="dashboard-card" aria-labelledby={agentsId}>
          <h2 id={agentsId}>{t('lead.dashboard.load')}</h2>
          <p className="card-hint">
            <Link to="/" search={{ view: 'unassigned', teamId }}>
              {t('lead.dashboard.unassigned', {
                count: data.unassigned,
                n: countText(t, data.unassigned, data.unassignedCapped),
              })}
            </Link>
          </p>
          <AgentTable agents={data.agents} labelledBy={agentsId} />
        </section>
      </div>
    </>
  );
}

function ShownOf({
  shown,
  total,
  children,
}: {
  shown: number;
  total: number;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <p className="muted card-hint">
      {t('lead.dashboard.shownOf', { shown, total })} {children}
    </p>
  );
}

function AgentTable({ agents, labelledBy }: { agents: AgentLoad[]; labelledBy: string }) {
  const { t } = useTranslation();
  if (agents.length === 0) return <p className="muted">{t('lead.dashboard.noMembers')}</p>;
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('lead.dashboard.agent')}</th>
          <th scope="col" className="number">
            {t('lead.dashboard.open')}
          </th>
          <th scope="col" className="number">
            {t('lead.dashboard.ofWhichBreached')}
          </th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.userId}>
            <th scope="row">
              {agent.name}
              {agent.isLead && <span className="muted"> ({t('lead.dashboard.lead')})</span>}
            </th>
            <td className="number">{agent.open}</td>
            <td className="number">{agent.breached}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
