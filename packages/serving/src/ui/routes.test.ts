import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Secret } from 'mlflow-js-client';
import { closeTestApps, testApp } from '../http/test-support/fixtures.js';
import { FAKE_MODEL, FakeHost } from '../http/test-support/fake-host.js';

afterEach(closeTestApps);

const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/> </g, '><');

describe('the UI routes', () => {
  it('serve the form with one labelled input per feature, named after it, under a strict CSP', async () => {
    const { app } = testApp();
    const res = await request(app).get('/ui/').expect(200).expect('content-type', /html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    const page = flat(res.text);
    for (const [i, f] of FAKE_MODEL.features.entries()) {
      expect(page).toContain(`<label for="f${i}">${f.name}</label>`);
      expect(page).toMatch(new RegExp(`id="f${i}" name="${f.name}"`));
    }
    expect(page).toContain('training range 18 to 90');
    expect(page).toMatch(
      /<option value="" ?>\(missing\)<\/option><option value="north" selected>north<\/option>/,
    );
    expect(page).not.toContain('id="api-key"');
  });

  it('ask for the API key on the form when /predict needs one', async () => {
    const { app } = testApp({ config: { apiKey: new Secret('k') } });
    const res = await request(app).get('/ui/').expect(200);
    expect(res.text).toContain('id="api-key"');
  });

  it('serve the model card, the monitoring page and the batch page, saying what is missing', async () => {
    const { app } = testApp();
    const card = flat((await request(app).get('/ui/model').expect(200)).text);
    expect(card).toContain('No fairness report');
    expect(card).toContain('--sensitive COL');
    expect(card).toContain('no MLflow client in this process');
    const monitoring = flat((await request(app).get('/ui/monitoring').expect(200)).text);
    expect(monitoring).toContain('No monitoring run yet');
    expect(monitoring).toContain('champion monitor run --name credit-default');
    const batch = flat((await request(app).get('/ui/batch').expect(200)).text);
    expect(batch).toContain('age,income,region,plan');
  });

  it('serve the stylesheet and scripts from this process', async () => {
    const { app } = testApp();
    await request(app)
      .get('/ui/assets/pico.classless.min.css')
      .expect(200)
      .expect('content-type', /css/);
    await request(app)
      .get('/ui/assets/predict.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await request(app).get('/ui/assets/nothing.js').expect(404);
  });

  it("serve the model's plots from the serving cache (a dot folder) as sandboxed SVG", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ui-plots-'));
    try {
      const modelDir = join(dir, '.champion', 'serving-cache', '1');
      await mkdir(join(modelDir, 'plots'), { recursive: true });
      await writeFile(
        join(modelDir, 'plots', 'roc.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
      );
      const { app } = testApp({ host: new FakeHost({ ...FAKE_MODEL, dir: modelDir }) });
      const res = await request(app).get('/ui/model/plots/roc.svg').expect(200);
      expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
      expect(res.headers['content-security-policy']).toContain('sandbox');
      await request(app).get('/ui/model/plots/pr.svg').expect(404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serve only the plots the trainer writes', async () => {
    const { app } = testApp();
    await request(app).get('/ui/model/plots/..%2F..%2Fetc%2Fpasswd').expect(404);
    await request(app).get('/ui/model/plots/roc.svg').expect(404);
  });

  it('render the decision panel from an answer of /predict, and refuse anything else', async () => {
    const { app } = testApp();
    const answer = {
      probability: 0.25,
      label: 'no',
      threshold: 0.5,
      model: { name: 'm', version: '3' },
      warnings: [],
    };
    const res = await request(app)
      .post('/ui/result')
      .send({ record: { age: 35 }, status: 200, answer })
      .expect(200);
    expect(flat(res.text)).toContain('<strong data-testid="probability">0.25</strong>');
    await request(app).post('/ui/result').send({ record: 'x' }).expect(400);
  });

  it('say 503 while no model is loaded', async () => {
    const host = new FakeHost();
    host.model = undefined;
    const { app } = testApp({ host });
    const res = await request(app).get('/ui/').expect(503);
    expect(res.text).toContain('No model is loaded yet');
  });

  it('are gone with CHAMPION_UI=off', async () => {
    const { app } = testApp({ config: { ui: false } });
    await request(app).get('/ui/').expect(404);
    await request(app).get('/ui/assets/predict.js').expect(404);
  });
});
