import type { NavItem } from '../../app/navigation';
import { FIELD_PAGES, FIELD_ROLES } from './pages';

export const FIELD_NAVIGATION: NavItem[] = FIELD_PAGES.map(({ path, label }) => ({
  to: `/${path}`,
  label,
  roles: FIELD_ROLES,
}));
