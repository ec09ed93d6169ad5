/**
 * The retraining policy shipped in deploy/k8s/monitor-cronjob.yaml is one the loop accepts, and
 * writes its retraining data to the volume the CronJob mounts (so later retrainings find it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { parsePolicy } from '../src/index.js';

const manifest = path.resolve(__dirname, '../../../deploy/k8s/monitor-cronjob.yaml');
type Doc = {
  kind?: string;
  data?: Record<string, string>;
  spec?: {
    jobTemplate?: {
      spec?: {
        template?: { spec?: { containers?: { volumeMounts?: { mountPath: string }[] }[] } };
      };
    };
  };
};
const docs = parseAllDocuments(readFileSync(manifest, 'utf8')).map((d) => d.toJS() as Doc);

describe('the policy of the monitoring CronJob', () => {
  const text = docs.find((d) => d.kind === 'ConfigMap')?.data?.['policy.yaml'] ?? '';
  const policy = parsePolicy(parse(text), `${manifest} policy.yaml`);

  it('is a valid policy', () => {
    expect(policy.mode).toBe('approval');
  });

  it('writes retraining data under a mounted volume', () => {
    const mounts =
      docs.find((d) => d.kind === 'CronJob')?.spec?.jobTemplate?.spec?.template?.spec
        ?.containers?.[0]?.volumeMounts ?? [];
    expect(mounts.some((m) => policy.retrain.dataDir.startsWith(`${m.mountPath}/`))).toBe(true);
  });
});
