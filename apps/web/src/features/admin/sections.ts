import type { UserRole } from '../../api/types';

export interface Section {
  readonly to: string;
  /** Key under `sections.` in the locale files. */
  readonly label: string;
  /** Marked only on its own path, not on the paths below it. */
  readonly exact?: boolean;
}

export interface SectionGroup {
  readonly label: string;
  readonly sections: readonly Section[];
}

/** The team lead's pages (admins see them too). */
export const leadSections: readonly SectionGroup[] = [
  {
    label: 'groups.lead',
    sections: [
      { to: '/lead', label: 'dashboard', exact: true },
      { to: '/lead/reports', label: 'reports' },
      { to: '/lead/record-exports', label: 'recordExports' },
    ],
  },
];

/** The admin's pages, grouped as the side navigation shows them. */
export const adminSections: readonly SectionGroup[] = [
  {
    label: 'groups.setup',
    sections: [
      { to: '/admin/channels', label: 'channels' },
      { to: '/admin/calendars', label: 'calendars' },
      { to: '/admin/sla-policies', label: 'slaPolicies' },
      { to: '/admin/teams', label: 'teams' },
      { to: '/admin/users', label: 'users' },
      { to: '/admin/canned-replies', label: 'cannedReplies' },
      { to: '/admin/tags', label: 'tags' },
    ],
  },
  {
    label: 'groups.records',
    sections: [
      { to: '/admin/retention', label: 'retention' },
      { to: '/admin/record-exports', label: 'recordExports' },
      { to: '/admin/people', label: 'people' },
      { to: '/admin/audit-log', label: 'auditLog' },
      { to: '/admin/access-log', label: 'accessLog' },
    ],
  },
  {
    label: 'groups.operations',
    sections: [
      { to: '/admin/queues', label: 'queues' },
      { to: '/admin/parked-batches', label: 'parkedBatches' },
    ],
  },
];

export const leadRoles: readonly UserRole[] = ['LEAD', 'ADMIN'];
export const adminRoles: readonly UserRole[] = ['ADMIN'];
