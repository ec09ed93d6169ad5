/** GET /openapi.json (per served model version) and GET /docs (Swagger UI from swagger-ui-dist). */
import express, { type Router } from 'express';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import type { AppContext } from '../context.js';
import { OpenApiCache } from '../openapi/document.js';

const SWAGGER_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>champion serving API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
  </script>
</body>
</html>
`;

function swaggerDir(): string | undefined {
  try {
    return getAbsoluteFSPath();
  } catch {
    return undefined;
  }
}

/** Without swagger-ui-dist: a plain list of the endpoints, linking the machine-readable spec. */
function plainPage(paths: readonly string[]): string {
  const items = paths.map((p) => `<li><code>${p.replace(/[<>&]/g, '')}</code></li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>champion serving API</title></head>
<body><h1>champion serving API</h1><p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p><ul>${items}</ul></body></html>`;
}

export function docsRoutes(context: AppContext, router: Router): void {
  const cache = new OpenApiCache(context.config);
  router.get('/openapi.json', (_req, res) => {
    res.json(cache.get(context.host.current()));
  });
  const dir = swaggerDir();
  if (dir !== undefined)
    router.use('/docs/assets', express.static(dir, { index: false, maxAge: '1d' }));
  router.get('/docs', (_req, res) => {
    const paths = Object.keys(cache.get(context.host.current())['paths'] as object);
    res.type('html').send(dir !== undefined ? SWAGGER_PAGE : plainPage(paths));
  });
}
