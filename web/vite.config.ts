/**
 * Vite builds the web interface from web/ into web/dist, which the server
 * serves with a fallback to index.html. In development `/api` goes to the
 * server on port 3000, so cookies stay same-origin.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // React DOM alone is close to 200 kB minified; one chunk of ~520 kB
    // (150 kB gzipped) is expected for now and not worth a warning.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
