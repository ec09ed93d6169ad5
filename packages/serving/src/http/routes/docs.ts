/** GET /openapi.json (per served model version) and GET /docs (Swagger UI from swagger-ui-dist). */
import express from 'express';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import type { AppContext } from '../context.js';
import { OpenApiCache } from '../openapi/document.js';
import type { ApiRouter } from '../api-router.js';
import { type Operation } from '../openapi/operation.js';

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

const OPENAPI_JSON: Operation = () => ({
  summary: 'This document',
  responses: { '200': { description: 'OpenAPI 3.1' } },
});
const DOCS: Operation = () => ({
  summary: 'Interactive documentation',
  responses: { '200': { description: 'HTML', content: { 'text/html': {} } } },
});

export function docsRoutes(context: AppContext, router: ApiRouter): void {
  // Built when first asked, once every route is declared.
  const cache = new OpenApiCache({ config: context.config, routes: () => router.routes() });
  router.get('/openapi.json', OPENAPI_JSON, (_req, res) => {
    res.json(cache.get(context.host.current()));
  });
  const dir = swaggerDir();
  if (dir !== undefined)
    router.express.use('/docs/assets', express.static(dir, { index: false, maxAge: '1d' }));
  router.get('/docs', DOCS, (_req, res) => {
    const paths = Object.keys(cache.get(context.host.current())['paths'] as object);
    res.type('html').send(dir !== undefined ? SWAGGER_PAGE : plainPage(paths));
  });
}
