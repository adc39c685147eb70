import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../../app/queryClient';
import { programmesQuery } from '../programmes/useProgrammes';
import { prefetchDashboard } from './statsQueries';

export const loadDashboardPage = () => import('./DashboardPage');
export const loadCharts = () => import('./charts');

/**
 * The dashboard route's loader, in the shell: starts the page's code, its charts' code and all
 * its API reads at once, instead of one after the other as each arrives; answers at once.
 */
export function preloadDashboard({ request }: LoaderFunctionArgs): null {
  void loadDashboardPage();
  void loadCharts();
  const params = new URL(request.url).searchParams;
  if (params.get('scopeId')) return null;
  const programmeId = params.get('programme');
  if (programmeId) prefetchDashboard(queryClient, programmeId);
  else
    void queryClient.fetchQuery(programmesQuery(0, 100)).then(
      (page) => page.items[0] && prefetchDashboard(queryClient, page.items[0].id),
      () => undefined,
    );
  return null;
}
