import { fileURLToPath } from 'node:url';

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const consoleOrigin = 'http://127.0.0.1:4000';
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@contract': fromRoot('./contract'),
      '@': fromRoot('./src'),
    },
  },
  server: {
    // `npm run dev` serves the SPA with hot reload and sends API calls to a console server on its default port.
    // The console server checks Host and Origin, so the dev proxy presents itself as the console's own origin.
    proxy: Object.fromEntries(
      ['/api', '/console'].map((path) => [
        path,
        { target: consoleOrigin, changeOrigin: true, headers: { origin: consoleOrigin } },
      ]),
    ),
  },
  // The manifest lets scripts/print-size.ts follow the first page's chunks.
  build: { outDir: 'dist', sourcemap: false, manifest: true },
});
