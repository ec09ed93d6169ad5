/**
 * deploy/k8s read as the tests need it, in one place: every manifest file's objects (with the file
 * each came from), the kustomization, the pod specs of every workload (the training Job template
 * included), and the pod security rules every container must meet. Pure reading: no cluster, no
 * kubectl (iac-tools.integration.test.ts runs the real tools).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../src/index.js';

export const K8S_DIR = 'deploy/k8s';
export const k8sDir = path.join(findRepoRoot(), K8S_DIR);

/** A Kubernetes object as parsed from YAML, with the file it came from. */
export interface K8sObject {
  readonly file: string;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  readonly spec?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** Every object of one YAML file; a YAML error names the file. */
export function readObjects(file: string): K8sObject[] {
  const text = readFileSync(path.join(k8sDir, file), 'utf8');
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${K8S_DIR}/${file}: ${doc.errors[0]?.message}`);
    const object = doc.toJS() as Omit<K8sObject, 'file'> | null;
    return object === null ? [] : [{ ...object, file }];
  });
}

/** The manifest files of the folder (*.yaml), kustomization.yaml excluded. */
export const manifestFiles = (): string[] =>
  readdirSync(k8sDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .sort();

export interface Kustomization {
  namespace?: string;
  resources?: string[];
  configMapGenerator?: { name: string; files?: string[] }[];
  patches?: { target?: { kind?: string; name?: string }; patch?: string }[];
}

export const readKustomization = (): Kustomization =>
  (readObjects('kustomization.yaml')[0] ?? {}) as Kustomization;

/** The file the control service reads as its Job template (never applied by itself). */
export const TRAINING_JOB_TEMPLATE = 'training-job-template.yaml';

/** The pod spec of a workload object, whatever its kind; undefined for other kinds. */
export function podSpecOf(object: K8sObject): IPodSpec | undefined {
  type Template = { template?: { spec?: IPodSpec } };
  const spec = object.spec as (Template & { jobTemplate?: { spec?: Template } }) | undefined;
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return spec?.template?.spec;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template?.spec;
    case 'Pod':
      return object.spec as IPodSpec | undefined;
    default:
      return undefined;
  }
}

export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
];

export const containersOf = (pod: IPodSpec): IContainer[] => [
  ...(pod.initContainers ?? []),
  ...pod.containers,
];

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

/**
 * What one pod breaks of the rules every champion workload follows, as readable lines (empty when
 * it follows them all): non-root, read-only root filesystem, no privilege escalation, every
 * capability dropped and none added, not privileged, seccomp RuntimeDefault, and requests and
 * limits of CPU, memory and ephemeral storage on every container.
 */
export function podPolicyProblems(pod: IPodSpec): string[] {
  const podContext = pod.securityContext;
  return containersOf(pod).flatMap((c) => {
    const own = c.securityContext;
    const problems: string[] = [];
    if ((own?.runAsNonRoot ?? podContext?.runAsNonRoot) !== true) problems.push('may run as root');
    if ((own?.runAsUser ?? podContext?.runAsUser) === 0) problems.push('runs as uid 0');
    if (own?.readOnlyRootFilesystem !== true) problems.push('has a writable root filesystem');
    if (own?.allowPrivilegeEscalation !== false) problems.push('allows privilege escalation');
    if (own?.privileged === true) problems.push('is privileged');
    if (!(own?.capabilities?.drop ?? []).includes('ALL')) problems.push('keeps capabilities');
    if ((own?.capabilities?.add ?? []).length > 0) problems.push('adds capabilities');
    if ((own?.seccompProfile ?? podContext?.seccompProfile)?.type !== 'RuntimeDefault') {
      problems.push('has no RuntimeDefault seccomp profile');
    }
    for (const kind of ['requests', 'limits'] as const) {
      const set = Object.keys(c.resources?.[kind] ?? {});
      const missing = RESOURCES.filter((r) => !set.includes(r));
      if (missing.length > 0) problems.push(`has no ${kind} for ${missing.join(', ')}`);
    }
    return problems.map((p) => `container ${c.name} ${p}`);
  });
}
