import type { Role } from '../../api/session';

export interface AdminPage {
  path: string;
  label: string; // an i18n key
  roles: Role[];
  load: () => Promise<{ default: React.ComponentType }>;
}

const ADMIN: Role[] = ['admin'];

/** The administrator's console, in menu order: each page and who may open it (as the API allows). */
export const ADMIN_PAGES: AdminPage[] = [
  {
    path: 'admin/users',
    label: 'nav.users',
    roles: ADMIN,
    load: () => import('./users/UsersPage').then((m) => ({ default: m.UsersPage })),
  },
  {
    path: 'admin/reference',
    label: 'nav.reference',
    roles: ADMIN,
    load: () => import('./reference/ReferencePage').then((m) => ({ default: m.ReferencePage })),
  },
  {
    path: 'admin/imports',
    label: 'nav.imports',
    roles: ADMIN,
    load: () => import('./imports/ImportsPage').then((m) => ({ default: m.ImportsPage })),
  },
  {
    path: 'reports',
    label: 'nav.reports',
    roles: ['admin', 'coordinator', 'viewer'],
    load: () => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
  },
  {
    path: 'admin/data-quality',
    label: 'nav.dataQuality',
    roles: ['admin', 'coordinator'],
    load: () => import('./quality/DataQualityPage').then((m) => ({ default: m.DataQualityPage })),
  },
  {
    path: 'admin/queues',
    label: 'nav.queues',
    roles: ADMIN,
    load: () => import('./queues/QueuesPage').then((m) => ({ default: m.QueuesPage })),
  },
  {
    path: 'admin/audit',
    label: 'nav.audit',
    roles: ADMIN,
    load: () => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage })),
  },
];
