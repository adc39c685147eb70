import type { NavItem } from '../../app/navigation';
import { ADMIN_PAGES } from './pages';

export const ADMIN_NAVIGATION: NavItem[] = ADMIN_PAGES.map(({ path, label, roles }) => ({
  to: `/${path}`,
  label,
  roles,
}));
