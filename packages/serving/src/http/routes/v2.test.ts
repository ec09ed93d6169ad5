import request from 'supertest';
import { fakeProbability } from '../test-support/fake-host.js';
import { closeTestApps, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

const ROWS = [
  { age: 35, income: 52000, region: 'north', plan: '2' },
  { age: 70, income: 1000, region: 'east', plan: '3' },
];
const expectedP = ROWS.map((r) => Math.fround(fakeProbability(r)));

const jsonInputs = [
  { name: 'age', datatype: 'FP32', shape: [2], data: [35, 70] },
  { name: 'income', datatype: 'FP32', shape: [2, 1], data: [[52000], [1000]] },
  { name: 'region', datatype: 'BYTES', shape: [2], data: ['north', 'east'] },
  { name: 'plan', datatype: 'BYTES', shape: [2], data: ['2', '3'] },
];

function fp32(values: number[]): Buffer {
  return Buffer.from(new Float32Array(values).buffer);
}

function bytes(values: string[]): Buffer {
  return Buffer.concat(
    values.flatMap((v) => {
      const b = Buffer.from(v, 'utf8');
      const n = Buffer.alloc(4);
      n.writeUInt32LE(b.length);
      return [n, b];
    }),
  );
}

/** Splits a binary-extension response into its JSON header and the tail. */
function binaryResponse(res: request.Response): { json: Record<string, unknown>; tail: Buffer } {
  const n = Number(res.headers['inference-header-content-length']);
  const body = res.body as Buffer;
  return { json: JSON.parse(body.subarray(0, n).toString('utf8')), tail: body.subarray(n) };
}

describe('Open Inference Protocol (V2)', () => {
  it('reports server metadata with the binary tensor extension', async () => {
    const res = await request(testApp().app).get('/v2').expect(200);
    expect(res.body).toEqual({
      name: 'champion',
      version: expect.any(String),
      extensions: ['binary_tensor_data'],
    });
  });

  it('answers live and ready with 200', async () => {
    const { app } = testApp();
    await request(app).get('/v2/health/live').expect(200);
    await request(app).get('/v2/health/ready').expect(200);
    await request(app).get('/v2/models/credit-default/ready').expect(200);
    await request(app).get('/v2/models/credit-default/versions/3/ready').expect(200);
  });

  it('answers ready with 503 before a model is loaded', async () => {
    const { app, host } = testApp();
    host.model = undefined;
    await request(app).get('/v2/health/ready').expect(503);
    await request(app).get('/v2/models/credit-default/ready').expect(503);
  });

  it('describes the model: one input per feature, probability and label outputs', async () => {
    const res = await request(testApp().app).get('/v2/models/credit-default').expect(200);
    expect(res.body).toEqual({
      name: 'credit-default',
      versions: ['3'],
      platform: 'onnxruntime_onnx',
      inputs: [
        { name: 'age', datatype: 'FP32', shape: [-1] },
        { name: 'income', datatype: 'FP32', shape: [-1] },
        { name: 'region', datatype: 'BYTES', shape: [-1] },
        { name: 'plan', datatype: 'BYTES', shape: [-1] },
      ],
      outputs: [
        { name: 'probability', datatype: 'FP32', shape: [-1] },
        // FAKE_MODEL's target is text (yes/no): its labels are BYTES.
        { name: 'label', datatype: 'BYTES', shape: [-1] },
      ],
    });
  });

  it('answers 404 with the protocol error format for another model or version', async () => {
    const { app } = testApp();
    const other = await request(app).get('/v2/models/churn').expect(404);
    expect(other.body.error).toEqual(expect.stringContaining('credit-default'));
    await request(app).get('/v2/models/credit-default/versions/2').expect(404);
  });

  it('infers with JSON tensors', async () => {
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/infer')
      .send({ id: 'q1', inputs: jsonInputs })
      .expect(200);
    expect(res.body).toEqual({
      model_name: 'credit-default',
      model_version: '3',
      id: 'q1',
      outputs: [
        { name: 'probability', datatype: 'FP32', shape: [2], data: expectedP },
        {
          name: 'label',
          datatype: 'BYTES',
          shape: [2],
          data: expectedP.map((p) => (p >= 0.5 ? 'yes' : 'no')),
        },
      ],
    });
  });

  it('infers on the versioned path and returns only the requested output', async () => {
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/versions/3/infer')
      .send({ inputs: jsonInputs, outputs: [{ name: 'label' }] })
      .expect(200);
    expect((res.body.outputs as { name: string }[]).map((o) => o.name)).toEqual(['label']);
  });

  it('reads binary tensor data and returns binary outputs, as tritonclient does by default', async () => {
    const tensors = [
      fp32([35, 70]),
      fp32([52000, 1000]),
      bytes(['north', 'east']),
      bytes(['2', '3']),
    ];
    const header = Buffer.from(
      JSON.stringify({
        inputs: jsonInputs.map((input, i) => ({
          name: input.name,
          datatype: input.datatype,
          shape: [2],
          parameters: { binary_data_size: tensors[i]?.length },
        })),
        parameters: { binary_data_output: true },
      }),
    );
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/infer')
      .set('Content-Type', 'application/octet-stream')
      .set('Inference-Header-Content-Length', String(header.length))
      .send(Buffer.concat([header, ...tensors]))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const { json, tail } = binaryResponse(res);
    const labels = expectedP.map((p) => (p >= 0.5 ? 'yes' : 'no'));
    const labelBytes = bytes(labels);
    expect(json['outputs']).toEqual([
      { name: 'probability', datatype: 'FP32', shape: [2], parameters: { binary_data_size: 8 } },
      {
        name: 'label',
        datatype: 'BYTES',
        shape: [2],
        parameters: { binary_data_size: labelBytes.length },
      },
    ]);
    expect(
      Array.from(new Float32Array(tail.buffer.slice(tail.byteOffset, tail.byteOffset + 8))),
    ).toEqual(expectedP);
    expect(tail.subarray(8)).toEqual(labelBytes);
  });

  it('names a bad value by input name and position', async () => {
    const inputs = jsonInputs.map((i) => (i.name === 'age' ? { ...i, data: [35, 'old'] } : i));
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs })
      .expect(422);
    expect(res.body.details).toEqual([
      { path: 'inputs.age.data[1]', problem: expect.stringContaining('expected a number') },
    ]);
    expect(typeof res.body.error).toBe('string');
  });

  it('names a missing input, a wrong datatype and a wrong shape', async () => {
    const inputs = [
      { name: 'age', datatype: 'BYTES', shape: [2], data: ['1', '2'] },
      { name: 'income', datatype: 'FP32', shape: [3], data: [1, 2] },
      { name: 'region', datatype: 'BYTES', shape: [2], data: ['north', 'east'] },
    ];
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs })
      .expect(400);
    expect((res.body.details as { path: string }[]).map((d) => d.path)).toEqual([
      'inputs[0].datatype',
      'inputs[1].shape',
      'inputs',
    ]);
  });

  it('refuses data nested thousands of levels deep with 400 naming the input', async () => {
    const deep = `${'['.repeat(6000)}1${']'.repeat(6000)}`;
    const body = `{"inputs":[{"name":"age","datatype":"FP32","shape":[1],"data":${deep}}]}`;
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/infer')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(400);
    expect(res.body.error).toMatch(/inputs\[0\]\.data is nested more than 32 levels/);
  });

  it('rejects a request that does not follow the protocol', async () => {
    const res = await request(testApp().app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: [{ name: 'age' }] })
      .expect(400);
    expect((res.body.details as { path: string }[]).map((d) => d.path)).toEqual(
      expect.arrayContaining(['inputs[0].shape', 'inputs[0].datatype']),
    );
  });

  it('writes v2 predictions to the inference log', async () => {
    const { app, sink } = testApp();
    await request(app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: jsonInputs })
      .expect(200);
    await new Promise((r) => setImmediate(r));
    expect(sink.records.map((r) => r.features)).toEqual(ROWS);
  });
});
