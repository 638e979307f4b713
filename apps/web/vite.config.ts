/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The api the dev server forwards /api to (`npm run start:api` listens on :3000).
const apiTarget = process.env.SVARA_API_URL ?? 'http://127.0.0.1:3000';

/**
 * index.html preloads the app's chunk and its imports, which the entry only
 * imports dynamically: the browser fetches and compiles them while the entry
 * sends the first page's API requests (src/boot/early-requests.ts).
 */
function preloadApp(): Plugin {
  return {
    name: 'svara-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app.tsx'));
        if (!app) throw new Error('preloadApp: no chunk for src/app.tsx');
        const entry = new Set(chunks.filter((chunk) => chunk.isEntry).map((c) => c.fileName));
        return [app.fileName, ...app.imports]
          .filter((file) => !entry.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), preloadApp()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // A small entry (the first requests, the styles) and the app: React, the
    // router, the query cache, react-aria and the inbox, all needed at once for
    // the first page, ~230 kB gzipped in the app's chunk and the one it shares
    // with the thread view, both preloaded by index.html. The thread view, the
    // lead and admin pages load on demand.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
