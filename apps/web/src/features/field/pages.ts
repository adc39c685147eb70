import type { Role } from '../../api/session';

export interface FieldPage {
  path: string;
  label: string; // an i18n key
  load: () => Promise<{ default: React.ComponentType }>;
}

/** Only a master teacher has mentees and an outbox; the API scopes every read to their own. */
export const FIELD_ROLES: Role[] = ['master_teacher'];

/** The master teacher's field app, in menu order (the first is where they land after signing in). */
export const FIELD_PAGES: FieldPage[] = [
  {
    path: 'field/mentees',
    label: 'field.nav.mentees',
    load: () => import('./mentees/MyMenteesPage').then((m) => ({ default: m.MyMenteesPage })),
  },
  {
    path: 'field/log',
    label: 'field.nav.log',
    load: () => import('./sessions/LogSessionPage').then((m) => ({ default: m.LogSessionPage })),
  },
  {
    path: 'field/cohorts',
    label: 'field.nav.cohorts',
    load: () => import('./cohorts/MyCohortsPage').then((m) => ({ default: m.MyCohortsPage })),
  },
  {
    path: 'field/outbox',
    label: 'field.nav.outbox',
    load: () => import('./outbox/OutboxPage').then((m) => ({ default: m.OutboxPage })),
  },
];
