/**
 * deploy/k8s/score-job.yaml (batch scoring as a Kubernetes Indexed Job) checked offline: each
 * document against its kind's schema from the Kubernetes OpenAPI spec (kubernetes-models), the
 * Indexed Job wiring a user relies on, and the command each pod runs, with `$(VAR)` expanded as
 * the kubelet does, parsed by the real `champion` program. No cluster, no kubectl. The schemas
 * check types, required fields, enums and quantities; they allow unknown fields (kubectl's strict
 * validation would not), which the wiring checks below partly make up for.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Job } from 'kubernetes-models/batch/v1';
import type { IJob } from 'kubernetes-models/batch/v1';
import { ConfigMap, PersistentVolumeClaim } from 'kubernetes-models/v1';
import type { IConfigMap, IContainer, IEnvVar, IPersistentVolumeClaim } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../src/index.js';
import { lastInstruction, parseDockerfile } from './dockerfile.js';
import type { DockerStage } from './dockerfile.js';

const root = findRepoRoot();
const MANIFEST = 'deploy/k8s/score-job.yaml';
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

const documents = parseAllDocuments(read(MANIFEST)).map((doc) => {
  if (doc.errors.length > 0) throw new Error(`${MANIFEST}: ${doc.errors[0]?.message}`);
  return doc.toJS() as { kind?: string; metadata?: { name?: string } };
});

/** Validates one object against its kind's schema; throws the validator's message otherwise. */
const validators: Record<string, (object: unknown) => void> = {
  ConfigMap: (object) => new ConfigMap(object as IConfigMap).validate(),
  PersistentVolumeClaim: (object) =>
    new PersistentVolumeClaim(object as IPersistentVolumeClaim).validate(),
  Job: (object) => new Job(object as IJob).validate(),
};

function validate(object: { kind?: string }): void {
  const check = validators[object.kind ?? ''];
  if (!check) throw new Error(`${MANIFEST}: no schema check for kind ${object.kind}`);
  check(object);
}

function only<T extends { kind?: string }>(kind: string): T {
  const found = documents.filter((doc) => doc.kind === kind);
  if (found.length !== 1)
    throw new Error(`${MANIFEST}: expected one ${kind}, found ${found.length}`);
  return found[0] as T;
}

const job = only<IJob>('Job');
const configMap = only<IConfigMap>('ConfigMap');
const claim = only<IPersistentVolumeClaim>('PersistentVolumeClaim');
const pod = job.spec?.template.spec;
const container: IContainer | undefined = pod?.containers[0];
const env: IEnvVar[] = container?.env ?? [];
const args = container?.args ?? [];

/** The image's final stage: what the pods run. */
function imageStage(): DockerStage {
  const stage = parseDockerfile(read('Dockerfile')).at(-1);
  if (!stage) throw new Error('Dockerfile has no FROM');
  return stage;
}

const INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";
const shardCount = Number(env.find((e) => e.name === 'SHARD_COUNT')?.value);

/** `$(NAME)` references, as the kubelet reads them. */
const references = (text: string): string[] =>
  [...text.replaceAll('$$', '').matchAll(/\$\(([^)]*)\)/g)].map((m) => m[1] ?? '');

/**
 * The kubelet's expansion: `$(NAME)` of a declared variable becomes its value, `$$` becomes `$`,
 * anything else stays as written.
 */
const expand = (text: string, vars: ReadonlyMap<string, string>): string =>
  text.replace(/\$(\$|\(([^)]*)\))/g, (whole, what: string, name: string | undefined) =>
    what === '$' ? '$' : (vars.get(name ?? '') ?? whole),
  );

/** The container's variables in the pod of completion index `index`, in declaration order. */
function podEnv(index: number): Map<string, string> {
  const vars = new Map<string, string>();
  for (const e of env) {
    if (e.value !== undefined) vars.set(e.name, expand(e.value, vars));
    else if (e.valueFrom?.fieldRef?.fieldPath === INDEX_ANNOTATION) vars.set(e.name, `${index}`);
    else throw new Error(`${MANIFEST}: cannot resolve env ${e.name} offline`);
  }
  return vars;
}

const argsOf = (index: number): string[] => args.map((a) => expand(a, podEnv(index)));
const flag = (list: readonly string[], name: string): string | undefined =>
  list.includes(name) ? list[list.indexOf(name) + 1] : undefined;

describe(MANIFEST, () => {
  test('has a ConfigMap, a PersistentVolumeClaim and a Job, each valid for its kind', () => {
    expect(documents.map((doc) => doc.kind).sort()).toEqual([
      'ConfigMap',
      'Job',
      'PersistentVolumeClaim',
    ]);
    for (const doc of documents) expect(() => validate(doc)).not.toThrow();
  });

  test('is checked by a validator that rejects a wrong type, naming the field', () => {
    const broken = { ...job, spec: { ...job.spec, completions: 'four' } };
    expect(() => validate(broken)).toThrow(/spec\/completions must be integer/);
  });

  test('runs one pod per shard: Indexed, with completions = parallelism = SHARD_COUNT', () => {
    expect(job.spec?.completionMode).toBe('Indexed');
    expect(shardCount).toBeGreaterThanOrEqual(1);
    expect(job.spec?.completions).toBe(shardCount);
    expect(job.spec?.parallelism).toBe(shardCount);
  });

  test('lets a failed pod fail its index (per-index retries need restartPolicy Never)', () => {
    expect(job.spec?.backoffLimitPerIndex).toBeGreaterThanOrEqual(0);
    expect(pod?.restartPolicy).toBe('Never');
  });

  test('gives pod I the shard $(JOB_COMPLETION_INDEX)/$(SHARD_COUNT)', () => {
    expect(flag(args, '--shard')).toBe('$(JOB_COMPLETION_INDEX)/$(SHARD_COUNT)');
    expect(env.find((e) => e.name === 'JOB_COMPLETION_INDEX')?.valueFrom?.fieldRef?.fieldPath).toBe(
      INDEX_ANNOTATION,
    );
  });

  test('declares every $(VAR) of its command and args in env, the only ones Kubernetes expands', () => {
    const declared = env.map((e) => e.name);
    const used = [...(container?.command ?? []), ...args].flatMap(references);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(declared).toContain(name);
  });

  test('writes a different output and reject file from each pod', () => {
    const indexes = [...Array(shardCount).keys()];
    const outputs = indexes.map((i) => flag(argsOf(i), '--output'));
    const rejects = indexes.map((i) => flag(argsOf(i), '--reject') ?? `${outputs[i]}.rejects.csv`);
    expect(new Set(outputs).size).toBe(shardCount);
    expect(new Set(rejects).size).toBe(shardCount);
  });

  test('fails an index at once on exit 4 (too many rejects), which a retry cannot fix', () => {
    const rules = job.spec?.podFailurePolicy?.rules ?? [];
    expect(rules).toContainEqual(
      expect.objectContaining({
        action: 'FailIndex',
        onExitCodes: expect.objectContaining({
          containerName: container?.name,
          values: [4],
        }) as unknown,
      }),
    );
  });

  test('runs as a non-root user, the image user, without privilege escalation', () => {
    const user = lastInstruction(imageStage(), 'USER');
    expect(pod?.securityContext?.runAsNonRoot).toBe(true);
    expect(pod?.securityContext?.runAsUser).toBe(Number(user?.split(':')[0]));
    for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
      expect({ name: c.name, escalates: c.securityContext?.allowPrivilegeEscalation }).toEqual({
        name: c.name,
        escalates: false,
      });
    }
  });

  test('runs a release version of the image, never latest: a tag X.Y.Z, optionally @sha256', () => {
    const image = container?.image ?? '';
    const match = /^[\w.-]+(?:\/[\w.-]+)+:([\w.-]+)(?:@sha256:[0-9a-f]{64})?$/.exec(image);
    expect({ image, tag: match?.[1] }).toEqual({
      image,
      tag: expect.stringMatching(/^v?\d+\.\d+\.\d+$/) as unknown,
    });
  });

  test('locks every container down: non-root, read-only root, no capabilities, seccomp', () => {
    const podContext = pod?.securityContext;
    for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
      const own = c.securityContext;
      expect({
        name: c.name,
        nonRoot: own?.runAsNonRoot ?? podContext?.runAsNonRoot,
        readOnlyRoot: own?.readOnlyRootFilesystem,
        escalates: own?.allowPrivilegeEscalation,
        privileged: own?.privileged ?? false,
        dropped: own?.capabilities?.drop,
        added: own?.capabilities?.add ?? [],
        seccomp: (own?.seccompProfile ?? podContext?.seccompProfile)?.type,
      }).toEqual({
        name: c.name,
        nonRoot: true,
        readOnlyRoot: true,
        escalates: false,
        privileged: false,
        dropped: ['ALL'],
        added: [],
        seccomp: 'RuntimeDefault',
      });
    }
    // Scoring has no use for the Kubernetes API, so no token is mounted.
    expect(pod?.automountServiceAccountToken).toBe(false);
  });

  test('requests and limits the CPU and memory of every container', () => {
    for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
      const { requests = {}, limits = {} } = c.resources ?? {};
      expect({
        name: c.name,
        requests: Object.keys(requests),
        limits: Object.keys(limits),
      }).toEqual({
        name: c.name,
        requests: expect.arrayContaining(['cpu', 'memory']) as unknown,
        limits: expect.arrayContaining(['cpu', 'memory']) as unknown,
      });
    }
  });

  test('mounts the claim and reads the ConfigMap that the manifest defines', () => {
    const claims = pod?.volumes?.flatMap((v) => v.persistentVolumeClaim?.claimName ?? []);
    expect(claims).toEqual([claim.metadata?.name]);
    const configMaps = container?.envFrom?.flatMap((e) => e.configMapRef?.name ?? []);
    expect(configMaps).toEqual([configMap.metadata?.name]);
  });

  test("runs the image's CLI entry point (no workingDir: the image's WORKDIR applies)", () => {
    const entrypoint = lastInstruction(imageStage(), 'ENTRYPOINT') ?? '[]';
    expect(container?.workingDir).toBeUndefined();
    expect(container?.command).toEqual(JSON.parse(entrypoint));
  });

  test('runs a script that the image holds: the CLI bin where the Dockerfile deploys the CLI', () => {
    const stages = parseDockerfile(read('Dockerfile'));
    const deploy = stages
      .flatMap((stage) => stage.instructions)
      .find((i) => i.keyword === 'RUN' && i.args.includes('--filter @champion/cli deploy'));
    const deployedTo = /\bdeploy(?:\s+--\S+)*\s+(\/\S+)/.exec(deploy?.args ?? '')?.[1] ?? '';
    const stage = imageStage();
    const copy = stage.instructions.find((i) => i.keyword === 'COPY' && /^--from=/.test(i.args));
    const [, from = '', to = ''] = copy?.args.split(/\s+/) ?? [];
    const pkg = JSON.parse(read('packages/cli/package.json')) as { bin: Record<string, string> };
    const script = path.posix.join(
      to,
      path.posix.relative(from, deployedTo),
      pkg.bin['champion'] ?? '',
    );
    const workdir = lastInstruction(stage, 'WORKDIR') ?? '/';
    expect(path.posix.join(workdir, container?.command?.[1] ?? '')).toBe(script);
  });
});

/**
 * Parses each argument list with the real `champion` program in one child process: a preAction
 * hook records the parsed command and options and stops before the action (no model is loaded).
 * The child runs inside packages/cli so that `@champion/cli` resolves to its own source.
 */
const PARSE_ONLY = `
import { createProgram, defaultServices, loadConfig } from '@champion/cli';
const quiet = () => undefined;
const results = [];
for (const args of JSON.parse(process.env.CHAMPION_TEST_ARGS)) {
  let usage = '';
  let parsed;
  const program = createProgram({
    context: {
      config: loadConfig(process.env),
      logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      output: { result: quiet },
      services: defaultServices,
      shutdownSignal: () => new Promise(quiet),
    },
    writeOut: quiet,
    writeErr: (text) => (usage += text),
  });
  program.hook('preAction', (_program, action) => {
    parsed = { command: action.name(), options: action.optsWithGlobals() };
    throw new Error('parsed, not run');
  });
  await program.parseAsync(args, { from: 'user' }).catch(() => undefined);
  results.push(parsed ?? { usage });
}
process.stdout.write(JSON.stringify(results));
`;

type Parsed = { command: string; options: Record<string, unknown> } | { usage: string };

function parseWithCli(argLists: readonly (readonly string[])[]): Parsed[] {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@champion/source', '--input-type=module', '-e', PARSE_ONLY],
    {
      cwd: path.join(root, 'packages/cli'),
      encoding: 'utf8',
      timeout: 60_000,
      // The pod's environment as far as the CLI's config goes: the ConfigMap it reads.
      env: { ...process.env, ...configMap.data, CHAMPION_TEST_ARGS: JSON.stringify(argLists) },
    },
  );
  if (result.status !== 0) throw new Error(`the parse-only CLI run failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Parsed[];
}

describe(`the command of ${MANIFEST}`, () => {
  const indexes = [...Array(shardCount).keys()];
  let parsed: Parsed[] = [];
  beforeAll(() => {
    // The last list is a control: a shard out of range must be refused by the same run.
    parsed = parseWithCli([...indexes.map(argsOf), argsOf(shardCount)]);
  }, 60_000);

  test('is accepted by `champion`, with the ConfigMap as environment, as shard I of N for each I', () => {
    for (const i of indexes) {
      expect(parsed[i]).toEqual({
        command: 'score',
        options: expect.objectContaining({
          json: true,
          model: flag(args, '--model'),
          input: flag(args, '--input'),
          output: flag(argsOf(i), '--output'),
          shard: { index: i, count: shardCount },
        }),
      });
    }
  });

  test('would be refused for an index past the shard count (the check above can fail)', () => {
    expect(parsed[shardCount]).toEqual({ usage: expect.stringMatching(/--shard/) });
  });
});
