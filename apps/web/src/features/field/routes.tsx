import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';
import { RequireRole } from '../../app/RequireAuth';
import { OfflineShell } from './OfflineShell';
import { FIELD_PAGES, FIELD_ROLES } from './pages';

export const FIELD_ROUTES: RouteObject[] = [
  {
    element: <RequireRole roles={FIELD_ROLES} />,
    children: [
      {
        element: <OfflineShell />,
        children: [
          ...FIELD_PAGES.map(({ path, load }) => ({ path, element: page(load) })),
          {
            path: 'field/cohorts/:cohortId',
            element: page(() =>
              import('./cohorts/FieldCohortPage').then((m) => ({ default: m.FieldCohortPage })),
            ),
          },
        ],
      },
    ],
  },
];
