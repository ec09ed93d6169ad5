import request from 'supertest';
import { closeTestApps, testApp } from '../test-support/fixtures.js';
import { FAKE_MODEL } from '../test-support/fake-host.js';

afterEach(closeTestApps);

describe('API documentation', () => {
  it('/openapi.json is an OpenAPI 3.1 document with every endpoint', async () => {
    const doc = (await request(testApp().app).get('/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths as object)).toEqual(
      expect.arrayContaining([
        '/predict',
        '/invocations',
        '/v2/models/{name}/infer',
        '/model',
        '/readyz',
        '/metrics',
        '/admin/reload',
      ]),
    );
    expect(doc.paths['/predict'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PredictRequest',
    });
  });

  it('describes the /predict record from the served model: every feature required, nothing else', async () => {
    const doc = (await request(testApp().app).get('/openapi.json').expect(200)).body;
    const record = doc.components.schemas.PredictRecord;
    expect(record.required).toEqual(['age', 'income', 'region', 'plan']);
    expect(record.additionalProperties).toBe(false);
    expect(Object.keys(record.properties as object)).toEqual([
      'age',
      'income',
      'region',
      'plan',
      'id',
    ]);
    expect(record.properties.age.anyOf ?? record.properties.age.type).toBeDefined();
  });

  it('lists the categories when unseen categories are rejected', async () => {
    const doc = (
      await request(testApp({ config: { unseenCategories: 'reject' } }).app).get('/openapi.json')
    ).body;
    expect(JSON.stringify(doc.components.schemas.PredictRecord.properties.region)).toContain(
      '"north"',
    );
  });

  it('rebuilds the record schema when the model swaps', async () => {
    const { app, host } = testApp();
    host.swap({ ...FAKE_MODEL, version: '4', features: [{ name: 'tenure', type: 'numeric' }] });
    const doc = (await request(app).get('/openapi.json')).body;
    expect(doc.components.schemas.PredictRecord.required).toEqual(['tenure']);
  });

  it('/docs serves an HTML page that loads the spec', async () => {
    const { app } = testApp();
    const res = await request(app).get('/docs').expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('/openapi.json');
    await request(app).get('/docs/assets/swagger-ui-bundle.js').expect(200);
  });
});
