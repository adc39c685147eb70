import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

/** The service worker, its registration, its Workbox runtime and the web app manifest. */
const UNHASHED = /(^|\/)(sw\.js|registerSW\.js|workbox-[\w-]+\.js|manifest\.webmanifest|icons\/[\w-]+\.png)$/;

/** Where `npm run build:web` puts the web app (apps/web), relative to the working directory. */
export const WEB_ROOT = resolve(process.cwd(), 'dist/web');

/**
 * Serves the web app at `/` from the same origin as the API: its files, and index.html for every
 * other page address so the browser's router takes over. Nothing under /api (nor /.well-known, the
 * did:web document) is ever answered here.
 */
export function serveWebApp(app: INestApplication, root = WEB_ROOT): void {
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) return;
  const isApi = (path: string) =>
    path === '/api' || path.startsWith('/api/') || path.startsWith('/.well-known/');
  const files = express.static(root, {
    index: false,
    immutable: true,
    maxAge: '1y',
    // Files without a content hash in their name: the service worker and what it installs must be
    // checked on every visit, or a phone keeps an old app for a year.
    setHeaders: (res, path) => {
      if (UNHASHED.test(path)) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req.path) ? next() : files(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path) || !req.accepts('html'))
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
