import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../../app/queryClient';
import { programmesQuery } from '../programmes/useProgrammes';
import { prefetchDashboard } from './statsQueries';

export const loadDashboardPage = () => import('./DashboardPage');
let charts: typeof import('./charts') | undefined;
export const loadCharts = () => import('./charts').then((module) => (charts = module));
/** The charts' module if it has arrived: a chart whose data come later is drawn in its first render. */
export const loadedCharts = () => charts;

/**
 * Starts the dashboard's code, its charts' code and all its API reads at once, instead of one
 * after the other as each arrives. Called by the app's entry before the rest of the app has
 * arrived, and by the route's loader (a read already on its way is not started again).
 */
export function preloadDashboard(address: URL): void {
  void loadDashboardPage();
  void loadCharts();
  const params = address.searchParams;
  if (params.get('scopeId')) return;
  const programmeId = params.get('programme');
  if (programmeId) prefetchDashboard(queryClient, programmeId);
  else
    void queryClient.fetchQuery(programmesQuery(0, 100)).then(
      (page) => page.items[0] && prefetchDashboard(queryClient, page.items[0].id),
      () => undefined,
    );
}

/** The dashboard route's loader: answers at once, the page shows each read as it arrives. */
export function dashboardLoader({ request }: LoaderFunctionArgs): null {
  preloadDashboard(new URL(request.url));
  return null;
}
