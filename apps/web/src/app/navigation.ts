import type { Role } from '../api/session';
import { ADMIN_NAVIGATION } from '../features/admin/navigation';
import { FIELD_NAVIGATION } from '../features/field/navigation';

export interface NavItem {
  to: string;
  label: string; // an i18n key
  roles: Role[];
}

/** Who plans and records (write pages). */
export const STAFF: Role[] = ['admin', 'coordinator'];
/** Who reads figures and reports. */
export const READERS: Role[] = ['admin', 'coordinator', 'master_teacher', 'viewer'];

/** Every page of the app and who may open it; the menu and the route guard both read this list. */
export const NAVIGATION: NavItem[] = [
  // First: a master teacher lands on their mentees.
  ...FIELD_NAVIGATION,
  { to: '/dashboard', label: 'nav.dashboard', roles: READERS },
  { to: '/programmes', label: 'nav.programmes', roles: STAFF },
  ...ADMIN_NAVIGATION,
];

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

/** Where a user lands after signing in when no page was asked for. */
export function homeFor(role: Role): string {
  return navigationFor(role)[0]?.to ?? '/dashboard';
}
