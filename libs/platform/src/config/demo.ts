import { Role } from '../auth/roles';

/** The password of the demo users the seed creates (`npm run seed`); never used outside the demo. */
export const DEMO_PASSWORD = 'cascade-demo';

/** The demo users the seed creates besides the first admin (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const DEMO_LOGINS: ReadonlyArray<{ role: Role; email: string }> = [
  { role: 'coordinator', email: 'coordinator@cascade.local' },
  { role: 'master_teacher', email: 'master@cascade.local' },
  { role: 'viewer', email: 'viewer@cascade.local' },
];
