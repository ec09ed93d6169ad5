/**
 * deploy/k8s as a whole system (`kubectl apply -k deploy/k8s`), checked by reading the files:
 * the kustomization covers the folder, the kinds a platform team expects are there, every
 * container is locked down and bounded, probes and shutdown timing match serving's drain, the
 * control service's RBAC and wiring match its kubernetes executor's contract, the network
 * policies let in only what they should, and every name a pod refers to exists. The schema and
 * IaC checks with the real tools are in iac-tools.integration.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import {
  containersOf,
  k8sDir,
  manifestFiles,
  podPolicyProblems,
  podSpecOf,
  readKustomization,
  readObjects,
  TRAINING_JOB_TEMPLATE,
  type K8sObject,
} from './k8s-manifests.js';

const kustomization = readKustomization();
const resources = kustomization.resources ?? [];
const generators = kustomization.configMapGenerator ?? [];
const applied = resources.flatMap(readObjects);
const template = readObjects(TRAINING_JOB_TEMPLATE);
const workloads = [...applied, ...template].filter((o) => podSpecOf(o) !== undefined);

function one(kind: string, name: string): K8sObject {
  const found = applied.filter((o) => o.kind === kind && o.metadata?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as K8sObject;
}
const pod = (object: K8sObject): IPodSpec => {
  const spec = podSpecOf(object);
  if (!spec) throw new Error(`${object.kind} ${object.metadata?.name} has no pod spec`);
  return spec;
};
const container = (object: K8sObject): IContainer => {
  const first = pod(object).containers[0];
  if (!first) throw new Error(`${object.metadata?.name} has no container`);
  return first;
};
const envValue = (c: IContainer, name: string): string | undefined =>
  c.env?.find((e) => e.name === name)?.value;
const podLabels = (object: K8sObject): Record<string, string> =>
  (object.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)
    ?.template?.metadata?.labels ?? {};
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

const serving = one('Deployment', 'champion-serving');
const control = one('Deployment', 'champion-control');

describe('deploy/k8s (kubectl apply -k)', () => {
  test('lists every manifest file of the folder once: as a resource or as generated ConfigMap content', () => {
    const listed = [...resources, ...generators.flatMap((g) => g.files ?? [])];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(manifestFiles());
  });

  test('holds Deployment, Service, HPA, PDB, NetworkPolicy, CronJob and Job objects', () => {
    const kinds = new Set(applied.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'CronJob',
      'Job',
    ]) {
      expect({ kind, present: kinds.has(kind) }).toEqual({ kind, present: true });
    }
  });

  test('runs every container of every workload, the training Job template too, locked down and bounded', () => {
    expect(workloads.length).toBeGreaterThanOrEqual(6);
    for (const w of workloads) {
      const where = `${w.file}: ${w.kind} ${w.metadata?.name}`;
      expect({ where, problems: podPolicyProblems(pod(w)) }).toEqual({ where, problems: [] });
    }
  });

  test('is checked by a policy that names each rule a container breaks', () => {
    const spec = pod(serving);
    const broken: IPodSpec = {
      ...spec,
      securityContext: {},
      containers: [
        {
          ...container(serving),
          securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
          resources: { requests: { cpu: '1' } },
        },
      ],
    };
    expect(podPolicyProblems(broken)).toEqual([
      'container serving may run as root',
      'container serving has a writable root filesystem',
      'container serving allows privilege escalation',
      'container serving is privileged',
      'container serving keeps capabilities',
      'container serving adds capabilities',
      'container serving has no RuntimeDefault seccomp profile',
      'container serving has no requests for memory, ephemeral-storage',
      'container serving has no limits for cpu, memory, ephemeral-storage',
    ]);
  });

  test('mounts a service account token only into the control pod, which calls the Kubernetes API', () => {
    const withToken = workloads
      .filter((w) => pod(w).automountServiceAccountToken !== false)
      .map((w) => w.metadata?.name);
    expect(withToken).toEqual(['champion-control']);
  });

  test('gives every Deployment a readiness and a liveness probe; champion answers /readyz and /livez', () => {
    for (const d of applied.filter((o) => o.kind === 'Deployment')) {
      for (const c of pod(d).containers) {
        expect({
          name: c.name,
          readiness: !!c.readinessProbe,
          liveness: !!c.livenessProbe,
        }).toEqual({ name: c.name, readiness: true, liveness: true });
      }
    }
    for (const d of [serving, control]) {
      expect(container(d).readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(container(d).livenessProbe?.httpGet?.path).toBe('/livez');
    }
  });
});

describe('serving', () => {
  const hpa = one('HorizontalPodAutoscaler', 'champion-serving');
  const pdb = one('PodDisruptionBudget', 'champion-serving');
  type HpaSpec = {
    scaleTargetRef: { kind: string; name: string };
    minReplicas: number;
    metrics: { type: string; resource?: { name: string } }[];
  };

  test('runs at least two replicas, scaled on CPU by an HPA that keeps at least two', () => {
    expect(serving.spec?.['replicas']).toBeGreaterThanOrEqual(2);
    const spec = hpa.spec as unknown as HpaSpec;
    expect(spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'champion-serving' });
    expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(spec.metrics).toContainEqual(
      expect.objectContaining({
        type: 'Resource',
        resource: expect.objectContaining({ name: 'cpu' }),
      }),
    );
    // CPU utilisation is relative to the request: there must be one.
    expect(container(serving).resources?.requests?.['cpu']).toBeDefined();
  });

  test('keeps a replica through voluntary disruptions (a PDB over its pods)', () => {
    const spec = pdb.spec as {
      minAvailable?: number;
      selector?: { matchLabels?: Record<string, string> };
    };
    expect(spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(selects(spec.selector?.matchLabels, podLabels(serving))).toBe(true);
  });

  test("gives the pod longer than preStop + serving's drain delay + shutdown grace to stop", () => {
    const c = container(serving);
    const preStop = c.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const preStopSeconds = Number(preStop[1]);
    const drainSeconds = Number(envValue(c, 'CHAMPION_DRAIN_DELAY_MS')) / 1000;
    const graceSeconds = Number(envValue(c, 'CHAMPION_SHUTDOWN_GRACE_MS')) / 1000;
    for (const value of [preStopSeconds, drainSeconds, graceSeconds]) {
      expect(value).toBeGreaterThan(0);
    }
    expect(pod(serving).terminationGracePeriodSeconds).toBeGreaterThan(
      preStopSeconds + drainSeconds + graceSeconds,
    );
  });
});

describe('control (the kubernetes executor)', () => {
  const role = one('Role', 'champion-control');
  const binding = one('RoleBinding', 'champion-control');
  type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

  test('may manage Jobs and read pods and their logs in its namespace, nothing else', () => {
    const allowed: Record<string, string[]> = {
      'batch/jobs': ['create', 'get', 'list', 'watch', 'delete'],
      '/pods': ['get', 'list', 'watch'],
      '/pods/log': ['get'],
    };
    const rules = (role as unknown as { rules: Rule[] }).rules;
    const granted = rules.flatMap((rule) =>
      rule.apiGroups.flatMap((group) =>
        rule.resources.map((resource) => ({ key: `${group}/${resource}`, verbs: rule.verbs })),
      ),
    );
    expect(granted.map((g) => g.key)).toContain('batch/jobs');
    for (const { key, verbs } of granted) {
      const extra = verbs.filter((verb) => !(allowed[key] ?? []).includes(verb));
      expect({ key, extra }).toEqual({ key, extra: [] });
    }
  });

  test("binds that Role to the control pod's own ServiceAccount", () => {
    const b = binding as unknown as {
      roleRef: { kind: string; name: string };
      subjects: { kind: string; name: string }[];
    };
    expect(b.roleRef).toMatchObject({ kind: 'Role', name: role.metadata?.name });
    expect(b.subjects).toEqual([
      expect.objectContaining({ kind: 'ServiceAccount', name: pod(control).serviceAccountName }),
    ]);
  });

  test('reads the Job template from the generated ConfigMap, never applies it as a Job', () => {
    expect(resources).not.toContain(TRAINING_JOB_TEMPLATE);
    const generator = generators.find((g) => (g.files ?? []).includes(TRAINING_JOB_TEMPLATE));
    expect(generator?.name).toBe('champion-training-job');
    const c = container(control);
    const file = envValue(c, 'CHAMPION_K8S_JOB_TEMPLATE') ?? '';
    expect(file).toBe('/etc/champion/k8s/training-job-template.yaml');
    const mount = c.volumeMounts?.find((m) => file.startsWith(`${m.mountPath}/`));
    const volume = pod(control).volumes?.find((v) => v.name === mount?.name);
    expect(volume?.configMap?.name).toBe(generator?.name);
    const item = volume?.configMap?.items?.find((i) => i.key === TRAINING_JOB_TEMPLATE);
    expect(path.posix.join(mount?.mountPath ?? '', item?.path ?? '')).toBe(file);
  });

  test('is configured as agreed: port 8090, executor kubernetes, its own namespace, uploads on the shared volume', () => {
    const c = container(control);
    expect(envValue(c, 'PORT')).toBe('8090');
    expect(c.ports?.map((p) => p.containerPort)).toEqual([8090]);
    expect(envValue(c, 'CHAMPION_CONTROL_EXECUTOR')).toBe('kubernetes');
    expect(c.env?.find((e) => e.name === 'CHAMPION_K8S_NAMESPACE')?.valueFrom?.fieldRef).toEqual({
      fieldPath: 'metadata.namespace',
    });
    expect(
      c.env?.find((e) => e.name === 'CHAMPION_API_KEY')?.valueFrom?.secretKeyRef,
    ).toBeDefined();
    const dataDir = envValue(c, 'CHAMPION_CONTROL_DATA_DIR') ?? '';
    expect(dataDir).toBe('/data/control');
    // The same claim at the same path in the control pod and in the training Jobs it creates.
    for (const w of [control, ...template]) {
      const mount = container(w).volumeMounts?.find((m) => dataDir.startsWith(`${m.mountPath}/`));
      const claim = pod(w).volumes?.find((v) => v.name === mount?.name)?.persistentVolumeClaim;
      expect({ workload: w.metadata?.name, claim: claim?.claimName, at: mount?.mountPath }).toEqual(
        {
          workload: w.metadata?.name,
          claim: 'champion-data',
          at: '/data',
        },
      );
    }
    const pvc = one('PersistentVolumeClaim', 'champion-data');
    expect(pvc.spec?.['accessModes']).toEqual(['ReadWriteMany']);
  });
});

describe('network policies', () => {
  type Peer = {
    podSelector?: { matchLabels?: Record<string, string> };
    ipBlock?: unknown;
    namespaceSelector?: unknown;
  };
  type Policy = {
    podSelector: { matchLabels?: Record<string, string> };
    policyTypes?: string[];
    ingress?: { from?: Peer[] }[];
  };
  const policies = applied
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => ({ name: o.metadata?.name, spec: o.spec as unknown as Policy }));
  const deployments = applied.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
  const selected = (p: Policy) =>
    deployments
      .filter((d) => selects(p.podSelector.matchLabels, podLabels(d)))
      .map((d) => d.metadata?.name);

  test('deny all ingress by default', () => {
    expect(policies).toContainEqual({
      name: expect.any(String) as unknown,
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  });

  test('let anyone reach serving and control only', () => {
    const open = policies.filter((p) =>
      (p.spec.ingress ?? []).some((rule) => rule.from === undefined),
    );
    expect(open.flatMap((p) => selected(p.spec)).sort()).toEqual([
      'champion-control',
      'champion-serving',
    ]);
  });

  test("let only champion's pods (and MLflow, for the database) reach MLflow and PostgreSQL", () => {
    const mlflowPods = podLabels(one('Deployment', 'mlflow'));
    const postgresPods = podLabels(one('StatefulSet', 'postgres'));
    const guarding = policies.filter(
      (p) =>
        p.name !== undefined &&
        p.spec.podSelector.matchLabels !== undefined &&
        (selects(p.spec.podSelector.matchLabels, mlflowPods) ||
          selects(p.spec.podSelector.matchLabels, postgresPods)),
    );
    expect(guarding.length).toBe(2);
    for (const p of guarding) {
      for (const rule of p.spec.ingress ?? []) {
        expect(rule.from?.length).toBeGreaterThan(0);
        for (const peer of rule.from ?? []) {
          expect({ policy: p.name, peer }).toEqual({
            policy: p.name,
            peer: {
              podSelector: {
                matchLabels: {
                  'app.kubernetes.io/name': expect.stringMatching(/^(champion|mlflow)$/) as unknown,
                },
              },
            },
          });
        }
      }
    }
  });
});

describe('references', () => {
  const secretDocs = parseAllDocuments(
    readFileSync(path.join(k8sDir, 'secrets.yaml.example'), 'utf8'),
  ).map((d) => d.toJS() as { metadata: { name: string }; stringData?: Record<string, string> });
  const documented = new Map(
    secretDocs.map((s) => [s.metadata.name, Object.keys(s.stringData ?? {})]),
  );
  const names = (kind: string) =>
    applied.filter((o) => o.kind === kind).map((o) => o.metadata?.name);
  const configMaps = [...names('ConfigMap'), ...generators.map((g) => g.name)];
  const claims = [
    ...names('PersistentVolumeClaim'),
    ...applied.flatMap((o) =>
      ((o.spec?.['volumeClaimTemplates'] ?? []) as { metadata: { name: string } }[]).map(
        (t) => t.metadata.name,
      ),
    ),
  ];

  test('every Secret a pod reads is documented in secrets.yaml.example, with its key', () => {
    let checked = 0;
    for (const w of workloads) {
      const spec = pod(w);
      for (const c of containersOf(spec)) {
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (!ref) continue;
          checked += 1;
          expect({ ref, keys: documented.get(ref.name ?? '') }).toEqual({
            ref,
            keys: expect.arrayContaining([ref.key]) as unknown,
          });
        }
        for (const from of c.envFrom ?? []) {
          if (from.secretRef) expect(documented.has(from.secretRef.name ?? '')).toBe(true);
        }
      }
      for (const v of spec.volumes ?? []) {
        if (v.secret) {
          checked += 1;
          expect(documented.get(v.secret.secretName ?? '')).toEqual(
            expect.arrayContaining((v.secret.items ?? []).map((i) => i.key)),
          );
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  test('every ConfigMap and claim a pod uses is defined (claims of the template too)', () => {
    for (const w of workloads) {
      const spec = pod(w);
      for (const c of containersOf(spec)) {
        for (const from of c.envFrom ?? []) {
          if (from.configMapRef) expect(configMaps).toContain(from.configMapRef.name);
        }
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.configMapKeyRef;
          if (ref) expect(configMaps).toContain(ref.name);
        }
        const volumes = new Set(spec.volumes?.map((v) => v.name));
        const templates = (
          (w.spec?.['volumeClaimTemplates'] ?? []) as { metadata: { name: string } }[]
        ).map((t) => t.metadata.name);
        for (const m of c.volumeMounts ?? []) {
          expect({
            mount: m.name,
            known: volumes.has(m.name) || templates.includes(m.name),
          }).toEqual({
            mount: m.name,
            known: true,
          });
        }
      }
      for (const v of spec.volumes ?? []) {
        if (v.configMap) expect(configMaps).toContain(v.configMap.name);
        if (v.persistentVolumeClaim) expect(claims).toContain(v.persistentVolumeClaim.claimName);
      }
    }
  });

  test('every Service selects a workload and targets a port its containers name', () => {
    for (const svc of applied.filter((o) => o.kind === 'Service')) {
      const spec = svc.spec as {
        selector: Record<string, string>;
        ports: { targetPort: string | number }[];
      };
      const targets = workloads.filter((w) => selects(spec.selector, podLabels(w)));
      expect({ service: svc.metadata?.name, workloads: targets.length }).toEqual({
        service: svc.metadata?.name,
        workloads: 1,
      });
      const ports = targets.flatMap((w) => pod(w).containers.flatMap((c) => c.ports ?? []));
      for (const p of spec.ports) {
        expect(
          ports.some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort),
        ).toBe(true);
      }
    }
  });
});
