/**
 * deploy/k8s/monitor-cronjob.yaml (the monitoring loop as a CronJob) checked offline: each
 * document against its kind's schema (kubernetes-models), and the wiring a user relies on: turns
 * never overlap, a failed turn is not retried in place, the policy file the command names is the
 * one the ConfigMap mounts, every mount has a volume, and the pod runs unprivileged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CronJob } from 'kubernetes-models/batch/v1';
import type { ICronJob } from 'kubernetes-models/batch/v1';
import { ConfigMap } from 'kubernetes-models/v1';
import type { IConfigMap } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../src/index.js';

const MANIFEST = 'deploy/k8s/monitor-cronjob.yaml';
const documents = parseAllDocuments(readFileSync(path.join(findRepoRoot(), MANIFEST), 'utf8')).map(
  (doc) => {
    if (doc.errors.length > 0) throw new Error(`${MANIFEST}: ${doc.errors[0]?.message}`);
    return doc.toJS() as { kind?: string };
  },
);
const only = <T>(kind: string): T => {
  const found = documents.filter((d) => d.kind === kind);
  if (found.length !== 1)
    throw new Error(`${MANIFEST}: expected one ${kind}, found ${found.length}`);
  return found[0] as T;
};

const cron = only<ICronJob>('CronJob');
const configMap = only<IConfigMap>('ConfigMap');
const job = cron.spec?.jobTemplate.spec;
const pod = job?.template.spec;
const container = pod?.containers[0];
const args = container?.args ?? [];

describe(MANIFEST, () => {
  test('is valid against the Kubernetes schemas', () => {
    expect(() => new CronJob(cron).validate()).not.toThrow();
    expect(() => new ConfigMap(configMap).validate()).not.toThrow();
  });

  test('reads and writes training data on the shared volume, where the training Jobs write it', () => {
    // champion-data (data.yaml): also mounted at /data by the control service and its Jobs, so
    // the data path a training run recorded is valid here too.
    const mount = container?.volumeMounts?.find((m) => m.mountPath === '/data');
    const volume = pod?.volumes?.find((v) => v.name === mount?.name);
    expect(volume?.persistentVolumeClaim?.claimName).toBe('champion-data');
  });

  test('runs one monitor turn at a time, and a failed turn waits for the next schedule', () => {
    expect(cron.spec?.concurrencyPolicy).toBe('Forbid');
    expect(job?.backoffLimit).toBe(0);
    expect(pod?.restartPolicy).toBe('Never');
    expect(args.slice(0, 3)).toEqual(['--json', 'monitor', 'run']);
    expect(args).not.toContain('--every');
  });

  test('reads the policy file the ConfigMap mounts', () => {
    const policyPath = args[args.indexOf('--policy') + 1] ?? '';
    const mount = container?.volumeMounts?.find((m) => policyPath.startsWith(`${m.mountPath}/`));
    const volume = pod?.volumes?.find((v) => v.name === mount?.name);
    expect(volume?.configMap?.name).toBe(configMap.metadata?.name);
    const item = volume?.configMap?.items?.find((i) => policyPath.endsWith(`/${i.path}`));
    expect(configMap.data?.[item?.key ?? '']).toMatch(/mode:/);
  });

  test('has a volume for every mount, and runs unprivileged on a read-only root', () => {
    const volumes = new Set(pod?.volumes?.map((v) => v.name));
    for (const mount of container?.volumeMounts ?? []) expect(volumes).toContain(mount.name);
    expect(pod?.securityContext?.runAsNonRoot).toBe(true);
    expect(container?.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod?.automountServiceAccountToken).toBe(false);
  });
});
