import request from 'supertest';
import { API_KEY_NEEDED } from './api-key.js';
import { testApp, type LogLine } from './test-app.js';

const KEY = { reveal: () => 's3cret' };

describe('requireApiKey', () => {
  it('answers 401 with WWW-Authenticate and what to send when the key is missing', async () => {
    const res = await request(testApp({ apiKey: KEY }).app)
      .post('/guarded')
      .expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: API_KEY_NEEDED });
  });

  it('refuses a wrong key, a key of another length, and a non-Bearer Authorization', async () => {
    const { app } = testApp({ apiKey: KEY });
    for (const header of ['Bearer nope', 'Bearer s3cret-and-more', 'Basic s3cret']) {
      await request(app).post('/guarded').set('Authorization', header).expect(401);
    }
    await request(app).post('/guarded').set('X-API-Key', 's3cre').expect(401);
  });

  it('accepts the key as a bearer token (any case) or in X-API-Key', async () => {
    const { app } = testApp({ apiKey: KEY });
    await request(app).post('/guarded').set('Authorization', 'Bearer s3cret').expect(200);
    await request(app).post('/guarded').set('Authorization', 'bearer  s3cret ').expect(200);
    await request(app).post('/guarded').set('X-API-Key', 's3cret').expect(200);
  });

  it('leaves an endpoint open without a configured key, unless told to disable it', async () => {
    const { app } = testApp();
    await request(app).post('/guarded').expect(200);
    const res = await request(app).post('/admin').set('X-API-Key', 'anything').expect(403);
    expect(res.body.error.code).toBe('DISABLED');
  });

  it('never logs the key, presented or configured', async () => {
    const lines: LogLine[] = [];
    const { app } = testApp({ apiKey: KEY, lines });
    await request(app).post('/guarded').set('Authorization', 'Bearer s3cret').expect(200);
    await request(app).post('/guarded').set('X-API-Key', 'wrong-guess').expect(401);
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toMatch(/s3cret|wrong-guess/);
  });
});
