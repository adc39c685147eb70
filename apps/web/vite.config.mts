import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The API serves the built app from dist/web at `/`; `npm run dev:web` proxies /api to a running API.
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      // Mantine marks its modules 'use client' for server-rendering frameworks; meaningless in this app.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { port: 5173, proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' } },
});
