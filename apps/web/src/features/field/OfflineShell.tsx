import { useEffect } from 'react';
import { Outlet } from 'react-router';

/**
 * The field app opens with no network: its service worker (the app shell and every page's chunk)
 * is installed when a master teacher first opens it, not on every first visit to the other pages,
 * where precaching the whole app would compete with the page being opened (BENCHMARKS.md,
 * "Dashboard time to interactive").
 */
export function OfflineShell() {
  useEffect(() => {
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  }, []);
  return <Outlet />;
}
