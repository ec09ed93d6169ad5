import request from 'supertest';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

describe('request limits and body format', () => {
  it('answers 413 in the error format when the body is too large', async () => {
    const { app } = testApp({ config: { maxBodyBytes: 200 } });
    const res = await request(app)
      .post('/predict')
      .send(Array.from({ length: 10 }, () => RECORD))
      .expect(413);
    expect(res.body.error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: expect.stringContaining('200 bytes'),
    });
  });

  it('answers 413 when the batch has more rows than allowed', async () => {
    const { app } = testApp({ config: { maxBatchRows: 3 } });
    const res = await request(app)
      .post('/predict')
      .send(Array.from({ length: 4 }, () => RECORD))
      .expect(413);
    expect(res.body.error).toMatchObject({
      code: 'BATCH_TOO_LARGE',
      message: expect.stringContaining('at most 3'),
    });
  });

  it('answers 400 for malformed JSON', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .set('Content-Type', 'application/json')
      .send('{"age": 3,')
      .expect(400);
    expect(res.body.error.code).toBe('MALFORMED_BODY');
  });

  it('answers 415 for a content type it does not read', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .set('Content-Type', 'text/plain')
      .send('age=3')
      .expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 400 when there is no body', async () => {
    const { app } = testApp();
    const res = await request(app).post('/predict').expect(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
  });

  it('answers 405 for the wrong method on a scoring path', async () => {
    const { app } = testApp();
    const res = await request(app).get('/predict').expect(405);
    expect(res.headers['allow']).toBe('POST');
  });

  it('answers 404 in the error format for an unknown path', async () => {
    const { app } = testApp();
    const res = await request(app).get('/nope').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
