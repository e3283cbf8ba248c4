// Vite builds the single-page app from web/ into web/dist, which the server serves under a strict
// CSP (script-src 'self'): no inline scripts, so the build must not inline any.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  publicDir: path.join(root, 'public'),
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Keep every asset a file: data: URLs for scripts would be refused by the CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: {
    // `vite --config web/vite.config.ts` for development against a running server (npm start).
    // The Host header is kept, so that the server sees a same-origin request (its CSRF check).
    proxy: { '/api': { target: process.env.MOTCUA_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
