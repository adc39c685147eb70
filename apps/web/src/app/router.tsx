import { createBrowserRouter, Navigate } from 'react-router';
import { ADMIN_ROUTES } from '../features/admin/routes';
import { LoginPage } from '../features/auth/LoginPage';
import { loadDashboardPage, preloadDashboard } from '../features/dashboard/preload';
import { FIELD_ROUTES } from '../features/field/routes';
import { Layout } from './Layout';
import { named, page } from './lazyPage';
import { homeFor, READERS, STAFF } from './navigation';
import { RequireAuth, RequireRole } from './RequireAuth';
import { useSession } from './useSession';
import { NotFound } from './NotFound';

function Home() {
  const current = useSession();
  return <Navigate to={current ? homeFor(current.role) : '/login'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public: anyone checks a credential without an account (the certificate's QR code leads here).
  {
    path: '/verify/:number?',
    element: page(() => named(import('../features/verify/VerifyPage'), 'VerifyPage')),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <Home /> },
          {
            element: <RequireRole roles={READERS} />,
            children: [
              {
                path: 'dashboard',
                loader: preloadDashboard,
                element: page(() => named(loadDashboardPage(), 'DashboardPage')),
              },
            ],
          },
          {
            element: <RequireRole roles={STAFF} />,
            children: [
              {
                path: 'programmes',
                element: page(() => named(import('../features/programmes/ProgrammesPage'), 'ProgrammesPage')),
              },
              {
                path: 'programmes/new',
                element: page(() =>
                  named(import('../features/programmes/ProgrammeWizardPage'), 'ProgrammeWizardPage'),
                ),
              },
              {
                path: 'programmes/:programmeId',
                element: page(() => named(import('../features/programmes/ProgrammePage'), 'ProgrammePage')),
              },
              {
                path: 'programmes/:programmeId/rounds/:roundId',
                element: page(() =>
                  named(import('../features/rounds/RoundPlanningPage'), 'RoundPlanningPage'),
                ),
              },
              {
                path: 'programmes/:programmeId/cascade',
                element: page(() => named(import('../features/cascade/CascadeTreePage'), 'CascadeTreePage')),
              },
              {
                path: 'cohorts/:cohortId',
                element: page(() => named(import('../features/cohorts/CohortPage'), 'CohortPage')),
              },
              {
                path: 'people/:personId',
                element: page(() => named(import('../features/people/PersonPage'), 'PersonPage')),
              },
            ],
          },
          ...FIELD_ROUTES,
          ...ADMIN_ROUTES,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
