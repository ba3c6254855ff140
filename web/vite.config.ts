import { defineConfig } from 'vite';

// Built into the Web project's static files; in `npm run dev` the API runs on :5080.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../src/Will.Marketplace.Web/webapp',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
      '/hubs': { target: 'http://localhost:5080', ws: true },
    },
  },
});
