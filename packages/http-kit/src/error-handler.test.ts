import request from 'supertest';
import { INTERNAL_MESSAGE } from './error-body.js';
import { testApp, type LogLine } from './test-app.js';

describe('errorHandler', () => {
  it('answers an unknown failure 500 with a generic message, logging its stack server-side', async () => {
    const lines: LogLine[] = [];
    const res = await request(testApp({ lines }).app)
      .get('/boom')
      .set('X-Request-Id', 'r1')
      .expect(500);
    expect(res.body).toEqual({
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE, details: [], requestId: 'r1' },
    });
    expect(res.text).not.toMatch(/secret detail|\.js:\d+/);
    const failed = lines.find((l) => l.message === 'request failed');
    expect(failed?.level).toBe('error');
    expect(JSON.stringify(failed?.meta)).toMatch(/secret detail/);
    expect(failed?.meta).toMatchObject({ requestId: 'r1', method: 'GET', path: '/boom' });
  });

  it('turns body-parser errors into 4xx that say what was wrong', async () => {
    const { app } = testApp();
    const bad = await request(app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(bad.body.error.code).toBe('MALFORMED_BODY');
    const big = await request(app)
      .post('/echo')
      .send({ a: 'x'.repeat(200) })
      .expect(413);
    expect(big.body.error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'Too large for this test app.',
    });
    const gz = await request(app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"a":1}')
      .expect(400);
    expect(gz.body.error.message).toMatch(/Content-Encoding/);
  });

  it('sets the service headers, logs 5xx refusals at warn and 4xx at info when asked', async () => {
    const lines: LogLine[] = [];
    const { app } = testApp({ lines });
    const busy = await request(app).get('/busy').expect(503);
    expect(busy.headers['retry-after']).toBe('1');
    await request(app).get('/nowhere').expect(404);
    const refused = lines.filter((l) => l.message === 'request refused');
    expect(refused.map((l) => [l.level, l.meta['code']])).toEqual([
      ['warn', 'BUSY'],
      ['info', 'NOT_FOUND'],
    ]);
  });

  it('answers unknown paths 404 naming the method and path', async () => {
    const res = await request(testApp().app).post('/nowhere').expect(404);
    expect(res.body.error.message).toBe('No endpoint POST /nowhere; see /docs for the API.');
  });
});
