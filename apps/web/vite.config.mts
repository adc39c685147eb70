import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  plugins: [
    // The master teacher's app opens with no network: the service worker keeps the shell and
    // every page's chunk; the data comes from IndexedDB (src/offline), never from this cache.
    // The field app registers it (features/field/OfflineShell.tsx); other pages do not.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['icons/apple-touch-icon.png'],
      manifest: {
        name: 'Cascade',
        short_name: 'Cascade',
        description: 'Багш бэлтгэх шаталсан хөтөлбөр: менторын уулзалт, дүүргэлт',
        lang: 'mn',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#3b5bdb',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        navigateFallback: '/index.html',
        // The API and the did:web document are never answered from the cache.
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/\.well-known\//],
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: { port: 5173, proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' } },
});
