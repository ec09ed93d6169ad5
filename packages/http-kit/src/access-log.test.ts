import request from 'supertest';
import { testApp, type LogLine } from './test-app.js';

describe('accessLog', () => {
  it('logs one line per request with route pattern, status, size and the service extras', async () => {
    const lines: LogLine[] = [];
    const { app, metrics } = testApp({ lines });
    await request(app).delete('/items/42').set('X-Request-Id', 'del-1').expect(204);
    const line = lines.find((l) => l.message === 'request');
    expect(line?.level).toBe('info');
    expect(line?.meta).toMatchObject({
      requestId: 'del-1',
      method: 'DELETE',
      path: '/items/42',
      route: '/items/:id',
      status: 204,
      rows: 3,
    });
    expect(line?.meta['bytesSent']).toBeGreaterThan(0);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /test_http_requests_total\{method="DELETE",route="\/items\/:id",status="204"\} 1/,
    );
    expect(text).toMatch(/test_http_request_duration_seconds_count\{.*route="\/items\/:id".*\} 1/);
  });

  it('logs quiet paths at debug when they succeed, and unmatched paths under one label', async () => {
    const lines: LogLine[] = [];
    const { app, metrics } = testApp({ lines });
    await request(app).get('/open').expect(200);
    await request(app).get('/random/path/1').expect(404);
    expect(lines.filter((l) => l.message === 'request').map((l) => l.level)).toEqual([
      'debug',
      'info',
    ]);
    expect(await metrics.registry.metrics()).toMatch(/route="unmatched",status="404"/);
  });
});
