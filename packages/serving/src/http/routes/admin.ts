/** POST /admin/reload: check the alias now (always needs the API key; disabled without one). */
import type { AppContext } from '../context.js';
import { requireAdminKey } from '../middleware/auth.js';
import { requestIdOf } from '@champion/http-kit';
import type { ApiRouter } from '../api-router.js';
import { errors, json, type Operation } from '../openapi/operation.js';

const RELOAD: Operation = () => ({
  summary:
    'Check the model alias now and swap if it moved (needs the API key; disabled without one)',
  security: [{ bearer: [] }, { apiKey: [] }],
  responses: {
    '200': { description: 'What happened', content: json({ type: 'object' }) },
    ...errors([401, 403, 500]),
  },
});

export function adminRoutes(context: AppContext, router: ApiRouter): void {
  router.post(
    '/admin/reload',
    RELOAD,
    requireAdminKey(context.config.apiKey),
    async (_req, res) => {
      const result = await context.host.checkNow();
      context.logger.info('admin reload', { requestId: requestIdOf(res), ...result });
      res.json(result);
    },
  );
}
