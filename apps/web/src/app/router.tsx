import { lazy, Suspense, type ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { Layout } from './Layout';
import { homeFor, READERS, STAFF } from './navigation';
import { RequireAuth, RequireRole } from './RequireAuth';
import { useSession } from './useSession';
import { NotFound } from './NotFound';

// Each page is its own chunk: the first load carries only the shell and the login page.
const page = (load: () => Promise<{ default: React.ComponentType }>): ReactNode => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loader />}>
      <Page />
    </Suspense>
  );
};
const named = <K extends string>(module: Promise<Record<K, React.ComponentType>>, name: K) =>
  module.then((m) => ({ default: m[name] }));

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
                element: page(() => named(import('../features/dashboard/DashboardPage'), 'DashboardPage')),
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
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
