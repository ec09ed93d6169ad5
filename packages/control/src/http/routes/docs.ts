/** GET /openapi.json and GET /docs (Swagger UI from swagger-ui-dist, served locally). */
import express from 'express';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import type { ApiRouter } from '../api-router.js';
import { openApiDocument } from '../openapi.js';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>champion control API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });</script></body>
</html>
`;

export function docsRoutes(router: ApiRouter): void {
  let document: Record<string, unknown> | undefined;
  router.add(
    {
      method: 'get',
      path: '/openapi.json',
      operation: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
    (_req, res) => {
      // Built on first use, once every route is declared.
      document ??= openApiDocument(router.routes());
      res.json(document);
    },
  );
  router.express.use(
    '/docs/assets',
    express.static(getAbsoluteFSPath(), { index: false, maxAge: '1d' }),
  );
  router.add(
    {
      method: 'get',
      path: '/docs',
      operation: {
        summary: 'Interactive documentation',
        responses: { '200': { description: 'HTML' } },
      },
    },
    (_req, res) => {
      res.type('html').send(PAGE);
    },
  );
}
