/** POST /admin/reload: check the alias now (always needs the API key; disabled without one). */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { requireAdminKey } from '../middleware/auth.js';
import { requestIdOf } from '../middleware/request-id.js';

export function adminRoutes(context: AppContext, router: Router): void {
  router.post('/admin/reload', requireAdminKey(context.config.apiKey), async (_req, res) => {
    const result = await context.host.checkNow();
    context.logger.info('admin reload', { requestId: requestIdOf(res), ...result });
    res.json(result);
  });
}
