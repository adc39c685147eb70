import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/session';
import { Forbidden } from './Forbidden';
import { useSession } from './useSession';

/** Sends a signed-out visitor to the login page, which brings them back here afterwards. */
export function RequireAuth() {
  const current = useSession();
  const location = useLocation();
  if (!current) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** A page only some roles may open; others are told so instead of seeing a broken page. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const current = useSession();
  return current && roles.includes(current.role) ? <Outlet /> : <Forbidden />;
}
