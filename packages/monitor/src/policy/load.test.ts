import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY, loadPolicy, parsePolicy } from './index.js';

describe('the retraining policy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'champion-policy-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fills documented defaults when no file is given', async () => {
    const policy = await loadPolicy(undefined);
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(policy).toMatchObject({
      mode: 'auto',
      drift: { share: 0.5, weighting: 'none' },
      performance: { floors: { roc_auc: 0.7 }, minLabels: 200 },
      agree: { k: 1, n: 1 },
      cooldown: '24h',
      retrain: { holdoutShare: 0.2, minLabels: 50 },
      gate: { primaryMetric: 'roc_auc', margin: 0 },
    });
  });

  it('reads a YAML file and keeps the defaults of what it leaves out', async () => {
    const path = join(dir, 'policy.yaml');
    await writeFile(path, 'mode: approval\nagree: { k: 2, n: 3 }\ndrift: null\n');
    const policy = await loadPolicy(path);
    expect(policy).toMatchObject({ mode: 'approval', agree: { k: 2, n: 3 }, drift: null });
    expect(policy.retrain.holdoutShare).toBe(0.2);
  });

  it('refuses an unknown key, naming it and the file', async () => {
    const path = join(dir, 'typo.json');
    await writeFile(path, JSON.stringify({ retrain: { holdout_share: 0.3 } }));
    await expect(loadPolicy(path)).rejects.toThrow(
      /typo\.json: invalid policy: unknown key 'holdout_share' in retrain/,
    );
  });

  it('refuses an unknown top-level key', () => {
    expect(() => parsePolicy({ cooldwn: '1h' }, 'p.json')).toThrow(
      /p\.json: .*unknown key 'cooldwn'/,
    );
  });

  it('refuses a wrong type, naming the path', () => {
    expect(() => parsePolicy({ drift: { share: 'half' } }, 'p.yaml')).toThrow(
      /p\.yaml: invalid policy: drift\.share: .*number/,
    );
  });

  it('refuses a bad duration and k above n', () => {
    expect(() => parsePolicy({ cooldown: 'soon' }, 'p.yaml')).toThrow(
      /cooldown: expected a duration/,
    );
    expect(() => parsePolicy({ agree: { k: 3, n: 2 } }, 'p.yaml')).toThrow(
      /agree: k must be at most n/,
    );
  });

  it('names the file when it is not valid YAML or is missing', async () => {
    const path = join(dir, 'broken.yml');
    await writeFile(path, 'mode: [auto\n');
    await expect(loadPolicy(path)).rejects.toThrow(/broken\.yml: not valid YAML/);
    await expect(loadPolicy(join(dir, 'none.json'))).rejects.toThrow(
      /cannot read the policy file .*none\.json/,
    );
  });
});
