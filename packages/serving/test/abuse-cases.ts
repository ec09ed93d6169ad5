/**
 * The hostile requests of the HTTP abuse suite (issue 11's probe list): encodings that do not
 * match the body, deep nesting, huge arrays, long lines, NUL bytes and lone surrogates, prototype
 * keys, over-limit bodies with and without Content-Length, wrong content types and empty bodies,
 * on every route that takes a body. Each case says which statuses are right for it.
 */
import type { ServedModel } from '@champion/runtime';
import type { RawAnswer, RawRequest } from './raw-http.js';

export interface Target {
  readonly label: string;
  readonly path: string;
  readonly contentType: string;
  readonly dialect: 'default' | 'mlflow' | 'v2';
  /** A valid body for one record. */
  readonly body: string;
}

export interface AbuseCase {
  readonly name: string;
  readonly target: Target;
  readonly request: Omit<RawRequest, 'url'>;
  readonly expect: readonly number[];
  readonly check?: (answer: RawAnswer) => void;
}

const MiB = 1024 * 1024;
const DEEP = 6000;
const deep = (leaf: string): string => `${'['.repeat(DEEP)}${leaf}${']'.repeat(DEEP)}`;

function csvRow(model: ServedModel, record: Record<string, unknown>): string {
  const header = model.features.map((f) => f.name).join(',');
  const cell = (value: unknown): string =>
    typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  const row = model.features.map((f) => cell(record[f.name])).join(',');
  return `${header}\n${row}\n`;
}

function v2Body(model: ServedModel, record: Record<string, unknown>): string {
  const inputs = model.features.map((f) => ({
    name: f.name,
    shape: [1],
    datatype: f.type === 'numeric' ? 'FP32' : 'BYTES',
    data: [record[f.name] ?? (f.type === 'numeric' ? null : '')],
  }));
  return JSON.stringify({ inputs });
}

/** Every route × content type that takes a body, with a valid body. */
export function targets(model: ServedModel, record: Record<string, unknown>): Target[] {
  const json = JSON.stringify(record);
  return [
    {
      label: '/predict',
      path: '/predict',
      contentType: 'application/json',
      dialect: 'default',
      body: json,
    },
    {
      label: '/predict/batch ndjson',
      path: '/predict/batch',
      contentType: 'application/x-ndjson',
      dialect: 'default',
      body: `${json}\n`,
    },
    {
      label: '/predict/batch csv',
      path: '/predict/batch',
      contentType: 'text/csv',
      dialect: 'default',
      body: csvRow(model, record),
    },
    {
      label: '/invocations json',
      path: '/invocations',
      contentType: 'application/json',
      dialect: 'mlflow',
      body: JSON.stringify({ dataframe_records: [record] }),
    },
    {
      label: '/invocations csv',
      path: '/invocations',
      contentType: 'text/csv',
      dialect: 'mlflow',
      body: csvRow(model, record),
    },
    {
      label: '/v2 infer',
      path: `/v2/models/${model.name}/infer`,
      contentType: 'application/json',
      dialect: 'v2',
      body: v2Body(model, record),
    },
  ];
}

interface Context {
  readonly model: ServedModel;
  readonly record: Record<string, unknown>;
  readonly auth: string;
  readonly targets: readonly Target[];
}

function post(context: Context, target: Target, body: string | Buffer): AbuseCase['request'] {
  return {
    path: target.path,
    headers: { 'content-type': target.contentType, authorization: context.auth },
    body,
  };
}

function withHeaders(
  request: AbuseCase['request'],
  headers: Record<string, string>,
): AbuseCase['request'] {
  return { ...request, headers: { ...request.headers, ...headers } };
}

function byLabel(context: Context, label: string): Target {
  const found = context.targets.find((t) => t.label === label);
  if (found === undefined) throw new Error(`no target ${label}`);
  return found;
}

function encodingCases(context: Context): AbuseCase[] {
  return ['gzip', 'deflate', 'br'].flatMap((encoding) =>
    context.targets.map((target) => ({
      name: `Content-Encoding ${encoding} on an uncompressed body: ${target.label}`,
      target,
      request: withHeaders(post(context, target, target.body), { 'content-encoding': encoding }),
      expect: [400, 415],
    })),
  );
}

function nestingCases(context: Context): AbuseCase[] {
  const { model, record } = context;
  const numeric = model.features.find((f) => f.type === 'numeric')?.name ?? 'x';
  const inputs = JSON.parse(byLabel(context, '/v2 infer').body) as { inputs: { data: unknown }[] };
  const v2 = JSON.stringify(inputs).replace(JSON.stringify(inputs.inputs[0]?.data), deep('1'));
  const field = (target: Target, body: string): AbuseCase => ({
    name: `a value nested ${DEEP} levels: ${target.label}`,
    target,
    request: post(context, target, body),
    // /predict/batch reports a bad row in place (200); the others refuse the request.
    expect: target.path === '/predict/batch' ? [200] : [400, 422],
  });
  const nestedRecord = JSON.stringify({ ...record, [numeric]: 0 }).replace(
    `"${numeric}":0`,
    `"${numeric}":${deep('1')}`,
  );
  return [
    field(byLabel(context, '/v2 infer'), v2),
    field(byLabel(context, '/predict'), nestedRecord),
    field(byLabel(context, '/predict/batch ndjson'), `${nestedRecord}\n`),
    field(
      byLabel(context, '/invocations json'),
      JSON.stringify({
        dataframe_split: { columns: model.features.map((f) => f.name), data: [] },
      }).replace('"data":[]', `"data":${deep('1')}`),
    ),
    field(byLabel(context, '/invocations json'), `{"instances":${deep('1')}}`),
    field(byLabel(context, '/predict'), deep('{}')),
  ];
}

function hugeArrayCases(context: Context): AbuseCase[] {
  const zeros = (n: number): string => `[${'0,'.repeat(n - 1)}0]`;
  const n = 400_000;
  const v2 = JSON.stringify({
    inputs: [{ name: context.model.features[0]?.name, shape: [n], datatype: 'FP32', data: [] }],
  }).replace('"data":[]', `"data":${zeros(n)}`);
  return [
    { label: '/predict', body: zeros(n) },
    { label: '/invocations json', body: `{"instances":${zeros(n)}}` },
    { label: '/invocations json', body: `{"dataframe_split":{"columns":[],"data":${zeros(n)}}}` },
    { label: '/v2 infer', body: v2 },
  ].map(({ label, body }) => {
    const target = byLabel(context, label);
    return {
      name: `an array of ${n} numbers: ${label} ${body.slice(0, 30)}`,
      target,
      request: post(context, target, body),
      expect: [400, 413, 422],
    };
  });
}

function longLineCases(context: Context): AbuseCase[] {
  const { model } = context;
  const long = 'x'.repeat(2 * MiB);
  const category = model.features.find((f) => f.type === 'categorical')?.name ?? 'x';
  const ndjson = byLabel(context, '/predict/batch ndjson');
  const csv = byLabel(context, '/predict/batch csv');
  const names = (answer: RawAnswer, line: number): void => {
    const body = JSON.parse(answer.text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('LINE_TOO_LONG');
    expect(body.error.message).toContain(`Line ${line}`);
    expect(body.error.message).toContain('1048576 bytes');
  };
  return [
    {
      name: 'a 2 MiB NDJSON line: /predict/batch ndjson',
      target: ndjson,
      request: post(context, ndjson, `${ndjson.body}{"${category}":"${long}"}\n`),
      expect: [413],
      check: (answer) => names(answer, 2),
    },
    {
      name: 'a 2 MiB NDJSON line without Content-Length: /predict/batch ndjson',
      target: ndjson,
      request: { ...post(context, ndjson, `{"${category}":"${long}"}`), chunked: 64 * 1024 },
      expect: [413],
      check: (answer) => names(answer, 1),
    },
    {
      name: 'a 2 MiB CSV record: /predict/batch csv',
      target: csv,
      request: post(context, csv, `${csv.body}${long}\n`),
      expect: [413],
    },
    {
      name: 'a 2 MiB field: /invocations csv',
      target: byLabel(context, '/invocations csv'),
      request: post(context, byLabel(context, '/invocations csv'), `${category}\n${long}\n`),
      expect: [413],
    },
  ];
}

function oddStringCases(context: Context): AbuseCase[] {
  const { model, record } = context;
  const category = model.features.find((f) => f.type === 'categorical')?.name ?? 'x';
  const json = JSON.stringify(record);
  const withValue = (raw: string): string =>
    json.replace(`"${category}":${JSON.stringify(record[category])}`, `"${category}":${raw}`);
  const bodies: { what: string; body: string }[] = [
    { what: 'a NUL byte in a value', body: withValue('"a\\u0000b"') },
    { what: 'a lone surrogate in a value', body: withValue('"\\ud800"') },
    { what: 'a NUL byte in a key', body: json.replace('{', '{"ag\\u0000e":1,') },
    { what: 'a lone surrogate in a key', body: json.replace('{', '{"\\udfff":1,') },
  ];
  const jsonTargets = ['/predict', '/predict/batch ndjson'].map((l) => byLabel(context, l));
  const cases = bodies.flatMap(({ what, body }) =>
    jsonTargets.map((target) => ({
      name: `${what}: ${target.label}`,
      target,
      request: post(context, target, target.path === '/predict' ? body : `${body}\n`),
      expect: [200, 400, 422],
    })),
  );
  const invocations = byLabel(context, '/invocations json');
  const v2 = byLabel(context, '/v2 infer');
  const csv = byLabel(context, '/invocations csv');
  const invalidUtf8 = (target: Target): Buffer => {
    const body = Buffer.from(target.body);
    const at = body.indexOf(String(record[category]));
    return Buffer.concat([body.subarray(0, at), Buffer.from([0xff, 0xc0]), body.subarray(at)]);
  };
  return [
    ...cases,
    ...context.targets.map((target) => ({
      name: `invalid UTF-8 bytes in a value: ${target.label}`,
      target,
      request: post(context, target, invalidUtf8(target)),
      expect: [200, 400, 422],
    })),
    ...bodies.map(({ what, body }) => ({
      name: `${what}: ${invocations.label}`,
      target: invocations,
      request: post(context, invocations, `{"dataframe_records":[${body}]}`),
      expect: [200, 400, 422],
    })),
    {
      name: 'a lone surrogate and a NUL in a BYTES tensor: /v2 infer',
      target: v2,
      request: post(
        context,
        v2,
        v2.body.replace(/"BYTES","data":\["[^"]*"\]/, '"BYTES","data":["\\ud800\\u0000"]'),
      ),
      expect: [200, 400, 422],
    },
    {
      name: 'NUL bytes in a CSV: /invocations csv',
      target: csv,
      request: post(context, csv, csv.body.replace(',', '\u0000,')),
      expect: [200, 400, 422],
    },
  ];
}

function prototypeCases(context: Context): AbuseCase[] {
  const json = JSON.stringify(context.record);
  const keys = [
    '"__proto__":{"polluted":1}',
    '"constructor":{"prototype":{"polluted":1}}',
    '"prototype":{"polluted":1}',
  ];
  const predict = byLabel(context, '/predict');
  const ndjson = byLabel(context, '/predict/batch ndjson');
  const invocations = byLabel(context, '/invocations json');
  const v2 = byLabel(context, '/v2 infer');
  return keys.flatMap((key) => {
    const record = json.replace('{', `{${key},`);
    const name = key.slice(1, key.indexOf('"', 1));
    return [
      { target: predict, body: record },
      { target: predict, body: `{"id":1,${key}}` },
      { target: ndjson, body: `${record}\n` },
      { target: invocations, body: `{"dataframe_records":[${record}]}` },
      { target: invocations, body: `{${key},"dataframe_records":[${json}]}` },
      { target: v2, body: v2.body.replace('{', `{${key},`) },
      { target: v2, body: v2.body.replace('"name":', `"name":"${name}","x":`) },
    ].map(({ target, body }) => ({
      name: `the key ${name}: ${target.label} ${body.slice(0, 40)}`,
      target,
      request: post(context, target, body),
      expect: [200, 400, 422],
    }));
  });
}

function overLimitCases(context: Context): AbuseCase[] {
  const big = (target: Target): string => {
    if (target.path === '/predict/batch') return `${target.body}${'\n'.repeat(5 * MiB)}`;
    if (target.contentType === 'text/csv') return `${target.body}${'\n'.repeat(2 * MiB)}`;
    return `${target.body}${' '.repeat(2 * MiB)}`;
  };
  return context.targets.flatMap((target) => [
    {
      name: `an over-limit body with Content-Length: ${target.label}`,
      target,
      request: post(context, target, big(target)),
      expect: [413],
    },
    {
      name: `an over-limit body, chunked: ${target.label}`,
      target,
      request: { ...post(context, target, big(target)), chunked: 64 * 1024 },
      expect: [413],
    },
  ]);
}

function contentTypeCases(context: Context): AbuseCase[] {
  const wrong: { label: string; type: string | undefined; expect: number[] }[] = [
    { label: '/predict', type: 'text/plain', expect: [415] },
    { label: '/predict', type: 'application/xml', expect: [415] },
    { label: '/predict', type: undefined, expect: [415] },
    { label: '/predict/batch ndjson', type: 'application/json', expect: [415] },
    { label: '/predict/batch csv', type: 'multipart/form-data; boundary=x', expect: [415] },
    { label: '/invocations json', type: 'application/xml', expect: [415] },
    { label: '/invocations json', type: 'application/json; charset=latin1', expect: [415] },
    { label: '/invocations csv', type: 'text/plain', expect: [415] },
    // V2 takes any type (tritonclient sends octet-stream); a body that is not a request is 400.
    { label: '/v2 infer', type: 'text/plain', expect: [200, 400] },
    { label: '/v2 infer', type: 'application/octet-stream', expect: [200, 400] },
  ];
  return wrong.map(({ label, type, expect }) => {
    const target = byLabel(context, label);
    const headers: Record<string, string> = { authorization: context.auth };
    if (type !== undefined) headers['content-type'] = type;
    return {
      name: `Content-Type ${type ?? '(none)'}: ${label}`,
      target,
      request: { path: target.path, headers, body: target.body },
      expect,
    };
  });
}

function emptyBodyCases(context: Context): AbuseCase[] {
  return context.targets.flatMap((target) => [
    {
      name: `an empty body: ${target.label}`,
      target,
      request: post(context, target, ''),
      expect: [400, 422],
    },
    {
      name: `an empty chunked body: ${target.label}`,
      target,
      request: { ...post(context, target, ''), chunked: 1024 },
      expect: [400, 422],
    },
  ]);
}

function adminCases(context: Context): AbuseCase[] {
  const target: Target = {
    label: '/admin/reload',
    path: '/admin/reload',
    contentType: 'application/json',
    dialect: 'default',
    body: '',
  };
  const headers = { authorization: context.auth };
  // The route reads no body: whatever is sent, it checks the alias and answers.
  const sent: { what: string; request: AbuseCase['request'] }[] = [
    { what: 'an empty body', request: { path: target.path, headers, body: '' } },
    {
      what: 'gzip on plain text',
      request: {
        path: target.path,
        headers: { ...headers, 'content-encoding': 'gzip', 'content-type': 'application/json' },
        body: '{"a":1}',
      },
    },
    {
      what: 'a 5 MiB chunked body',
      request: { path: target.path, headers, body: 'x'.repeat(5 * MiB), chunked: 64 * 1024 },
    },
    {
      what: 'a deeply nested body',
      request: {
        path: target.path,
        headers: { ...headers, 'content-type': 'application/json' },
        body: deep('1'),
      },
    },
    {
      what: 'a prototype key',
      request: {
        path: target.path,
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"__proto__":{"polluted":1}}',
      },
    },
  ];
  return sent.map(({ what, request }) => ({
    name: `${what}: /admin/reload`,
    target,
    request,
    expect: [200],
  }));
}

/** The whole suite, for `model` (its features name the fields) and a valid `record`. */
export function abuseCases(options: {
  model: ServedModel;
  record: Record<string, unknown>;
  auth: string;
}): AbuseCase[] {
  const context: Context = { ...options, targets: targets(options.model, options.record) };
  return [
    ...encodingCases(context),
    ...nestingCases(context),
    ...hugeArrayCases(context),
    ...longLineCases(context),
    ...oddStringCases(context),
    ...prototypeCases(context),
    ...overLimitCases(context),
    ...contentTypeCases(context),
    ...emptyBodyCases(context),
    ...adminCases(context),
  ];
}
