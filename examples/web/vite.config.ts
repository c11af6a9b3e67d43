// examples/web/vite.config.ts: `npm run build` writes dist/ (index.html and content-hashed assets/), served from
// an origin's root; the embedded run serves it on http://localhost:5173 with its /config.json
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    // the licences of every bundled package, next to the bundles
    license: { fileName: 'assets/THIRD-PARTY-LICENSES.md' },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
});
