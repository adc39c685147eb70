import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';
import { RequireRole } from '../../app/RequireAuth';
import { ADMIN_PAGES } from './pages';

/** Each console page behind its role guard; the API refuses the same roles. */
export const ADMIN_ROUTES: RouteObject[] = ADMIN_PAGES.map(({ path, roles, load }) => ({
  element: <RequireRole roles={roles} />,
  children: [{ path, element: page(load) }],
}));
