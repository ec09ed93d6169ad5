/**
 * The container files at the repository root (docker-compose.yaml, Dockerfile, Dockerfile.mlflow)
 * checked for what someone running `docker compose up` relies on. They live here because this
 * package owns how the MLflow server runs and its pins (conda.yaml), and already reads YAML.
 * No Docker engine is needed; `docker compose config` runs when a compose CLI is installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { findRepoRoot, parsePipPins } from '../src/index.js';
import { lastInstruction, parseDockerfile } from './dockerfile.js';
import type { DockerStage } from './dockerfile.js';

const root = findRepoRoot();
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

type Service = {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  user?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  restart?: string;
  volumes?: string[];
};
const compose = parse(read('docker-compose.yaml')) as { services: Record<string, Service> };

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yaml has no service "${name}"`);
  return found;
}

function finalStage(dockerfile: string): DockerStage {
  const stage = parseDockerfile(read(dockerfile)).at(-1);
  if (!stage) throw new Error(`${dockerfile} has no FROM`);
  return stage;
}

function isRootUser(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === '' || name === 'root' || name === '0';
}

/** The user a service's container runs as: compose's `user`, else its Dockerfile's last USER. */
function runsAs(svc: Service): string | undefined {
  if (svc.user !== undefined) return svc.user;
  if (svc.build === undefined) return undefined;
  const build = typeof svc.build === 'string' ? { context: svc.build } : svc.build;
  const dockerfile = path.join(build.context ?? '.', build.dockerfile ?? 'Dockerfile');
  return lastInstruction(finalStage(dockerfile), 'USER');
}

/** `docker compose` (v2 plugin) or `docker-compose` (v1), whichever answers; undefined if neither. */
function composeCli(): string[] | undefined {
  for (const cli of [['docker', 'compose'], ['docker-compose']]) {
    const [cmd = '', ...args] = cli;
    const probe = spawnSync(cmd, [...args, 'version'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return cli;
  }
  return undefined;
}

describe('docker-compose.yaml', () => {
  test('defines the database, MLflow, the one-shot trainer and the service', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'mlflow',
      'postgres',
      'service',
      'trainer',
    ]);
  });

  test('starts each container only once the one it needs is ready', () => {
    expect(service('mlflow').depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
    });
    expect(service('trainer').depends_on).toMatchObject({
      mlflow: { condition: 'service_healthy' },
    });
    expect(service('service').depends_on).toMatchObject({
      trainer: { condition: 'service_completed_successfully' },
    });
  });

  test('health-checks the database and MLflow, which the others wait for', () => {
    for (const name of ['postgres', 'mlflow']) {
      const check = service(name).healthcheck;
      expect(check?.disable).not.toBe(true);
      expect(check?.test?.[0]).toMatch(/^CMD(-SHELL)?$/);
    }
  });

  test('runs the trainer once instead of restarting it', () => {
    expect(service('trainer').restart).toBe('no');
  });

  test('runs MLflow on PostgreSQL with the artifact proxy', () => {
    const command = service('mlflow').command ?? [];
    const storeUri = command[command.indexOf('--backend-store-uri') + 1];
    expect(storeUri).toMatch(/^postgresql\+psycopg2:\/\/[^/]*@postgres:5432\//);
    expect(command).toContain('--serve-artifacts');
  });

  test('lets MLflow answer the Host header the trainer and the service send', () => {
    const command = service('mlflow').command ?? [];
    const allowed = (command[command.indexOf('--allowed-hosts') + 1] ?? '').split(',');
    for (const name of ['trainer', 'service']) {
      const uri = service(name).environment?.['MLFLOW_TRACKING_URI'] ?? '';
      expect(allowed).toContain(new URL(uri).host);
    }
  });

  test('serves the model the trainer registers', () => {
    const trainer = (service('trainer').command ?? []).join(' ');
    const trained = /--name\s+(\S+)/.exec(trainer)?.[1];
    const serve = service('service').command ?? [];
    expect(serve[0]).toBe('serve');
    expect(serve[serve.indexOf('--name') + 1]).toBe(trained);
  });

  test('keeps the downloaded models and inference log of the service in a named volume', () => {
    const volumes = service('service').volumes ?? [];
    const workdir = lastInstruction(finalStage('Dockerfile'), 'WORKDIR');
    expect(volumes).toContainEqual(
      expect.stringMatching(new RegExp(`^[\\w-]+:${workdir}/\\.champion$`)),
    );
  });

  test('runs every container as a non-root user', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      const user = runsAs(svc);
      expect({ name, root: user === undefined || isRootUser(user) }).toEqual({ name, root: false });
    }
  });

  const cli = composeCli();
  if (!cli) {
    process.stderr.write(
      'deploy-files: skipping `docker compose config`: neither `docker compose` nor `docker-compose` ' +
        'is installed (apt-get install docker-compose, or Docker with the compose plugin).\n',
    );
  }
  (cli ? test : test.skip)('is accepted by `docker compose config`', () => {
    const [cmd = '', ...args] = cli ?? [];
    const result = spawnSync(cmd, [...args, '-f', 'docker-compose.yaml', 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    // stderr is in the object so that a failure shows compose's reason.
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
  });
});

describe('Dockerfile', () => {
  const stage = finalStage('Dockerfile');

  test('runs the champion CLI from the path its package declares as the bin', () => {
    const pkg = JSON.parse(read('packages/cli/package.json')) as { bin: Record<string, string> };
    const bin = path.posix.join('packages/cli', pkg.bin['champion'] ?? '');
    expect(JSON.parse(lastInstruction(stage, 'ENTRYPOINT') ?? '[]')).toEqual(['node', bin]);
  });

  test('serves by default', () => {
    expect(JSON.parse(lastInstruction(stage, 'CMD') ?? '[]')).toEqual(['serve']);
  });

  test('runs as a non-root user', () => {
    expect(isRootUser(lastInstruction(stage, 'USER') ?? 'root')).toBe(false);
  });

  test('health-checks the service on /readyz', () => {
    expect(lastInstruction(stage, 'HEALTHCHECK')).toMatch(/CMD .*\/readyz/);
  });
});

describe('Dockerfile.mlflow', () => {
  test('runs the MLflow and psycopg2 versions pinned in conda.yaml', () => {
    const pins = parsePipPins(read('conda.yaml'));
    const text = read('Dockerfile.mlflow');
    const arg = (name: string): string | undefined =>
      new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(text)?.[1];
    expect(pins).toContain(`mlflow==${arg('MLFLOW_VERSION')}`);
    expect(pins).toContain(`psycopg2-binary==${arg('PSYCOPG2_VERSION')}`);
    expect(parseDockerfile(text)[0]?.from).toBe('ghcr.io/mlflow/mlflow:v${MLFLOW_VERSION}');
  });
});
