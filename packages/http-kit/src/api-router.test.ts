import request from 'supertest';
import { openApiPath } from './api-router.js';
import { testApp } from './test-app.js';

describe('ApiRouter', () => {
  it('lists every declared route with its operation, in order', () => {
    const { router } = testApp();
    expect(router.routes().map((r) => `${r.method} ${r.path} ${r.operation}`)).toEqual([
      'get /open open',
      'post /guarded guarded',
      'post /admin admin',
      'post /echo echo',
      'get /boom boom',
      'get /busy busy',
      'delete /items/:id delete',
    ]);
  });

  it('answers other methods on a declared path 405 with Allow', async () => {
    const { app } = testApp();
    const put = await request(app).put('/open').expect(405);
    expect(put.headers['allow']).toBe('GET, HEAD');
    expect(put.body.error).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      message: 'Use GET, HEAD on this path.',
    });
    expect((await request(app).get('/items/7').expect(405)).headers['allow']).toBe('DELETE');
  });

  it('turns express path parameters into OpenAPI ones', () => {
    expect(openApiPath('/v2/models/:name/versions/:version', { name: 'Model name' })).toEqual({
      path: '/v2/models/{name}/versions/{version}',
      parameters: [
        {
          name: 'name',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          description: 'Model name',
        },
        { name: 'version', in: 'path', required: true, schema: { type: 'string' } },
      ],
    });
  });
});
