/**
 * The UI's static files, served from this process (no CDN, no build step): pico's classless
 * stylesheet from its npm package, and champion's own small stylesheet and module scripts from
 * `ui-static/` beside `src/` and `dist/`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);

/** `packages/serving/ui-static` (this file is `src/ui/assets.ts` or `dist/ui/assets.js`). */
export const UI_STATIC_DIR = fileURLToPath(new URL('../../ui-static/', import.meta.url));

const PICO_FILE = 'pico.classless.min.css';

/** Mounts /ui/assets on `router`. */
export function mountUiAssets(router: Router): void {
  const pico = require.resolve(`@picocss/pico/css/${PICO_FILE}`);
  // `use`, not `get`: assets are not API routes (openapi/routes-documented.test.ts).
  router.use(`/ui/assets/${PICO_FILE}`, (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // pnpm keeps packages under node_modules/.pnpm: a dot folder on the way is expected.
    res.sendFile(pico, { maxAge: '1d', dotfiles: 'allow' });
  });
  router.use(
    '/ui/assets',
    express.static(UI_STATIC_DIR, { index: false, maxAge: '1h', fallthrough: true }),
  );
}
