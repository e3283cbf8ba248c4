// Vite builds the single-page app from web/ into web/dist, which the server serves under a strict
// CSP (script-src 'self'): no inline scripts, so the build must not inline any.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
const outDir = path.join(root, 'dist');

/**
 * A .br and a .gz beside every text file of the build, compressed once at the highest levels, which
 * the server sends to browsers that accept them (@fastify/static `preCompressed`): slow mobile
 * networks get the scripts at a quarter of their size without the server compressing per request.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|css|html|svg|json|txt)$/;
  return {
    name: 'motcua-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => TEXT.test(f))) {
        const body = fs.readFileSync(file);
        const brotli = brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        });
        fs.writeFileSync(`${file}.br`, brotli);
        fs.writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: path.join(root, 'public'),
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Keep every asset a file: data: URLs for scripts would be refused by the CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Everything the first page needs in one file: left alone, Rolldown makes a small shared
        // chunk of each module that a lazy page also imports, and the first load waits for ten files.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    // `vite --config web/vite.config.ts` for development against a running server (npm start).
    // The Host header is kept, so that the server sees a same-origin request (its CSRF check).
    proxy: { '/api': { target: process.env.MOTCUA_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
