/**
 * deploy/k8s/create-secrets.sh run against a recording stand-in for kubectl (no cluster): it
 * creates the Secrets that secrets.yaml.example documents, with fresh random values, never on a
 * command line, and keeps the ones that already exist.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { k8sDir } from './k8s-manifests.js';

type Call = { args: string[]; created?: string; data?: Record<string, string> };

const documented = new Map(
  parseAllDocuments(readFileSync(path.join(k8sDir, 'secrets.yaml.example'), 'utf8')).map((d) => {
    const s = d.toJS() as { metadata: { name: string }; stringData: Record<string, string> };
    return [s.metadata.name, Object.keys(s.stringData).sort()];
  }),
);

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'champion-secrets-'));
  copyFileSync(path.join(__dirname, 'fixtures/fake-kubectl.cjs'), path.join(dir, 'kubectl'));
  spawnSync('chmod', ['+x', path.join(dir, 'kubectl')]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function createSecrets(existing: Record<string, Record<string, string>> = {}): Call[] {
  const log = path.join(dir, 'calls.jsonl');
  writeFileSync(log, '');
  const result = spawnSync('bash', [path.join(k8sDir, 'create-secrets.sh')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`,
      FAKE_KUBECTL_LOG: log,
      FAKE_KUBECTL_EXISTING: JSON.stringify(existing),
    },
  });
  if (result.status !== 0) throw new Error(`create-secrets.sh failed:\n${result.stderr}`);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Call);
}
const created = (calls: Call[]) =>
  new Map(calls.flatMap((c) => (c.created ? [[c.created, c.data ?? {}] as const] : [])));

describe('deploy/k8s/create-secrets.sh', () => {
  test('creates every required Secret of secrets.yaml.example, with its keys, in namespace champion', () => {
    const calls = createSecrets();
    const secrets = created(calls);
    const required = [...documented.keys()].filter((name) => name !== 'champion-mlflow-auth');
    expect([...secrets.keys()].sort()).toEqual(required.sort());
    for (const [name, data] of secrets) {
      expect({ name, keys: Object.keys(data).sort() }).toEqual({
        name,
        keys: documented.get(name),
      });
    }
    for (const c of calls.filter((call) => call.created)) {
      expect(c.args.slice(0, 2)).toEqual(['-n', 'champion']);
    }
    expect(calls[0]?.args).toEqual(['apply', '-f', 'namespace.yaml']);
  });

  test('generates long random values, different on each run, and a store URI with the password', () => {
    const first = created(createSecrets());
    const second = created(createSecrets());
    const password = first.get('champion-postgres')?.['password'] ?? '';
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(second.get('champion-postgres')?.['password']).not.toBe(password);
    const keys = first.get('champion-api-keys') ?? {};
    expect(keys['serving']).toMatch(/^[0-9a-f]{64}$/);
    expect(keys['control']).toMatch(/^[0-9a-f]{64}$/);
    expect(keys['serving']).not.toBe(keys['control']);
    expect(first.get('champion-inference-store')?.['uri']).toBe(
      `postgresql://mlflow:${password}@postgres:5432/mlflow?schema=champion_inference`,
    );
  });

  test('never puts a secret value on a command line', () => {
    const calls = createSecrets();
    const values = [...created(calls).values()].flatMap((data) => Object.values(data));
    expect(values.length).toBe(4);
    const argv = calls.flatMap((c) => c.args).join(' ');
    for (const value of values) expect(argv).not.toContain(value);
  });

  test('keeps the Secrets that exist, and builds the store URI from the kept password', () => {
    const calls = createSecrets({ 'champion-postgres': { password: 'kept-password' } });
    const secrets = created(calls);
    expect(secrets.has('champion-postgres')).toBe(false);
    expect(secrets.get('champion-inference-store')?.['uri']).toContain(':kept-password@');
    const everything = Object.fromEntries(
      [...documented.keys()].map((name) => [name, { password: 'x' }]),
    );
    expect(created(createSecrets(everything)).size).toBe(0);
  });
});
