import request from 'supertest';
import { ServingError } from '../model/errors.js';
import { closeTestApps, RECORD, testApp } from './test-support/fixtures.js';

afterEach(closeTestApps);

describe('errors', () => {
  it('answers a request that meets a stopping host 503 with Retry-After, not 500', async () => {
    const { app, host } = testApp();
    host.failWith = new ServingError('STOPPED', 'the host was stopped');
    const res = await request(app).post('/predict').send(RECORD).expect(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.error.code).toBe('MODEL_NOT_READY');
  });

  it('turns a scoring failure into a 500 with a generic message and the request id, never the cause', async () => {
    const { app, host } = testApp();
    host.failWith = new Error('onnxruntime exploded at /secret/path/model.onnx');
    const res = await request(app)
      .post('/predict')
      .set('X-Request-Id', 'abc-123')
      .send(RECORD)
      .expect(500);
    expect(res.body).toEqual({
      error: {
        code: 'INTERNAL',
        message: expect.stringContaining('request id'),
        details: [],
        requestId: 'abc-123',
      },
    });
    expect(res.text).not.toMatch(/exploded|secret|at .*\.ts|Error:/);
  });

  it('keeps stack traces out of every error dialect', async () => {
    const { app, host } = testApp();
    host.failWith = new Error('boom');
    for (const [path, body] of [
      ['/predict', RECORD],
      ['/invocations', { dataframe_records: [RECORD] }],
      [
        '/v2/models/credit-default/infer',
        {
          inputs: [
            { name: 'age', datatype: 'FP32', shape: [1], data: [1] },
            { name: 'income', datatype: 'FP32', shape: [1], data: [1] },
            { name: 'region', datatype: 'BYTES', shape: [1], data: ['north'] },
            { name: 'plan', datatype: 'BYTES', shape: [1], data: ['1'] },
          ],
        },
      ],
    ] as const) {
      const res = await request(app).post(path).send(body);
      expect(res.status).toBe(500);
      expect(res.text).not.toMatch(/boom|\n\s+at /);
    }
  });

  it('keeps stack traces out of 4xx bodies', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .set('Content-Type', 'application/json')
      .send('{oops');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/\n\s+at |SyntaxError/);
  });

  it('echoes the caller X-Request-Id', async () => {
    const res = await request(testApp().app)
      .get('/livez')
      .set('X-Request-Id', 'trace-7')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-7');
  });

  it('generates a request id when none (or an unsafe one) is given', async () => {
    const { app } = testApp();
    const plain = await request(app).get('/livez');
    const unsafe = await request(app).get('/livez').set('X-Request-Id', 'a b\tc<script>');
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
