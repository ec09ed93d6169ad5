import request from 'supertest';
import { Secret } from 'mlflow-js-client';
import { closeTestApps, testApp } from '../http/test-support/fixtures.js';
import { basicPassword } from './auth.js';

afterEach(closeTestApps);

const KEY = 'ui-key with spaces: and a colon';
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function keyedApp(uiAuth: 'open' | 'key') {
  return testApp({ config: { apiKey: new Secret(KEY), uiAuth } }).app;
}

describe('CHAMPION_UI_AUTH=key', () => {
  it('asks a browser for the key on every page and asset (401, Basic challenge)', async () => {
    const app = keyedApp('key');
    for (const path of ['/ui/', '/ui/batch', '/ui/model', '/ui/monitoring', '/ui/assets/ui.css']) {
      const res = await request(app).get(path).expect(401);
      expect({ path, challenge: res.headers['www-authenticate'] }).toEqual({
        path,
        challenge: 'Basic realm="champion", charset="UTF-8"',
      });
      expect(res.body.error.code).toBe('UNAUTHORIZED');
      expect(res.text).not.toContain(KEY);
    }
    await request(app).post('/ui/result').send({}).expect(401);
  });

  it('refuses a wrong key, whichever way it comes', async () => {
    const app = keyedApp('key');
    await request(app).get('/ui/').set('authorization', basic('me', 'nope')).expect(401);
    await request(app).get('/ui/').set('x-api-key', 'nope').expect(401);
    await request(app).get('/ui/').set('authorization', 'Bearer nope').expect(401);
    // The key as the user name is not the key as the password.
    await request(app).get('/ui/').set('authorization', basic(KEY, '')).expect(401);
  });

  it('opens with Basic (any user name), X-API-Key or Bearer', async () => {
    const app = keyedApp('key');
    await request(app).get('/ui/model').set('authorization', basic('', KEY)).expect(200);
    await request(app)
      .get('/ui/assets/ui.css')
      .set('authorization', basic('anyone', KEY))
      .expect(200);
    await request(app).get('/ui/batch').set('x-api-key', KEY).expect(200);
    await request(app).get('/ui/monitoring').set('authorization', `Bearer ${KEY}`).expect(200);
  });

  it('fills the signed-in key into the form and batch page, so the browser is not asked twice', async () => {
    const app = keyedApp('key');
    for (const path of ['/ui/', '/ui/batch']) {
      const res = await request(app).get(path).set('authorization', basic('me', KEY)).expect(200);
      expect(res.text).toMatch(/id="api-key"[^>]*value="ui-key with spaces: and a colon"/);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // A header client signed in to nothing: its key is not echoed.
    const res = await request(app).get('/ui/').set('x-api-key', KEY).expect(200);
    expect(res.text).not.toContain(KEY);
  });

  it('leaves the UI open under the default (open), the key asked for by the form only', async () => {
    const app = keyedApp('open');
    const res = await request(app).get('/ui/').expect(200);
    expect(res.text).toMatch(/id="api-key"[^>]*value=""/);
    await request(app).get('/ui/assets/ui.css').expect(200);
  });
});

describe('basicPassword', () => {
  it('reads the password after the first colon, and nothing from other schemes', () => {
    expect(basicPassword(basic('u', 'a:b'))).toBe('a:b');
    expect(basicPassword(basic('u', ''))).toBe('');
    expect(basicPassword('Bearer abc')).toBeUndefined();
    expect(basicPassword(`Basic ${Buffer.from('nocolon').toString('base64')}`)).toBeUndefined();
    expect(basicPassword(undefined)).toBeUndefined();
  });
});
