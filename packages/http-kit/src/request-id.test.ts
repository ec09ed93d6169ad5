import request from 'supertest';
import { testApp, type LogLine } from './test-app.js';

describe('requestId', () => {
  it('echoes a plain caller X-Request-Id in the header, the error body and the log', async () => {
    const lines: LogLine[] = [];
    const res = await request(testApp({ lines }).app)
      .get('/busy')
      .set('X-Request-Id', 'abc-123.4:5');
    expect(res.headers['x-request-id']).toBe('abc-123.4:5');
    expect(res.body.error.requestId).toBe('abc-123.4:5');
    expect(lines.every((l) => l.meta['requestId'] === 'abc-123.4:5')).toBe(true);
  });

  it('replaces a missing or unsafe id with a fresh UUID', async () => {
    const { app } = testApp();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const none = await request(app).get('/open');
    const unsafe = await request(app).get('/open').set('X-Request-Id', 'a b<script>');
    const long = await request(app).get('/open').set('X-Request-Id', 'x'.repeat(129));
    for (const res of [none, unsafe, long]) expect(res.headers['x-request-id']).toMatch(uuid);
    expect(none.headers['x-request-id']).not.toBe(unsafe.headers['x-request-id']);
  });
});
