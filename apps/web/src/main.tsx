import { session } from './api/session';
import { preloadDashboard } from './features/dashboard/preload';

// The entry is kept small so that a signed-in user opening the dashboard has its reads and its
// page's code on the way while the app's code (React, Mantine, the router) is still arriving.
if (session.get() && window.location.pathname === '/dashboard') preloadDashboard(new URL(window.location.href));
void import('./app/start');
