import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API the dev server proxies to: a running `npm start` (port 4000 by default).
const api = process.env.JOBGATE_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react()],
  build: {
    // Served by the service itself (src/http/admin-console-route.ts) from dist/admin.
    outDir: '../../dist/admin',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': api,
      '/uploads': api,
      '/files': api,
      '/credential-logos': api,
    },
  },
});
