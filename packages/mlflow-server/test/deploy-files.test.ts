/**
 * The container files at the repository root (docker-compose.yaml, Dockerfile, Dockerfile.mlflow)
 * checked for what someone running `docker compose up` relies on. They live here because this
 * package owns how the MLflow server runs and its pins (conda.yaml), and already reads YAML.
 * No Docker engine is needed; `docker compose config` runs when a compose CLI is installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { findRepoRoot, parsePipPins } from '../src/index.js';
import { lastInstruction, parseDockerfile, stageEnv } from './dockerfile.js';
import type { DockerStage } from './dockerfile.js';
import { isPinnedImage } from './pins.js';
import { servingStartOutcomes } from './serving-start.js';

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
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  tmpfs?: string[];
  mem_limit?: string;
  cpus?: number | string;
  pids_limit?: number;
  stop_grace_period?: string;
};
const composeText = read('docker-compose.yaml');
// Compose applies YAML merge keys (`<<: *hardening`); so must the reader.
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };

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

/** Compose's duration (`20s`, `1m30s`, `500ms`) in milliseconds. */
function durationMs(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.map((p) => p[0]).join('') !== text) throw new Error(`not a duration: ${text}`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * (units[p[2] ?? ''] ?? NaN), 0);
}

/** The base image of each stage that is not an earlier stage of the same file. */
function externalBases(dockerfile: string): string[] {
  const names: string[] = [];
  const bases: string[] = [];
  for (const stage of parseDockerfile(read(dockerfile))) {
    const [image = '', as, name] = stage.from.split(/\s+/);
    if (!names.includes(image)) bases.push(image);
    if (as?.toUpperCase() === 'AS' && name) names.push(name);
  }
  return bases;
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
  test('defines the database, MLflow, the one-shot trainer, the service and the monitor', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'mlflow',
      'monitor',
      'postgres',
      'service',
      'trainer',
    ]);
  });

  test('monitors the served model on a schedule, with its inference log and training data', () => {
    const monitor = service('monitor');
    const command = monitor.command ?? [];
    expect(command.slice(0, 2)).toEqual(['monitor', 'run']);
    expect(command[command.indexOf('--name') + 1]).toBe(
      (service('service').command ?? [])[(service('service').command ?? []).indexOf('--name') + 1],
    );
    expect(command[command.indexOf('--every') + 1]).toMatch(/^\d+[smhd]$/);
    const shared = (name: string, mount: RegExp): string | undefined =>
      (service(name).volumes ?? []).find((v) => mount.test(v))?.split(':')[0];
    expect(shared('monitor', /:\/app\/\.champion$/)).toBe(shared('service', /:\/app\/\.champion$/));
    const trainer = (service('trainer').command ?? []).join(' ');
    const data = /--data\s+(\S+)/.exec(trainer)?.[1] ?? '';
    const dataVolume = (service('trainer').volumes ?? []).find((v) =>
      data.startsWith(`${v.split(':')[1] ?? '?'}/`),
    );
    expect(monitor.volumes).toContain(dataVolume);
    expect(monitor.depends_on).toMatchObject({
      trainer: { condition: 'service_completed_successfully' },
    });
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
    for (const name of ['trainer', 'service', 'monitor']) {
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

  test('runs every container with a read-only root, no capabilities and no privilege gain', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      expect({
        name,
        readOnly: svc.read_only,
        capDrop: svc.cap_drop,
        noNewPrivileges: svc.security_opt?.includes('no-new-privileges:true'),
      }).toEqual({ name, readOnly: true, capDrop: ['ALL'], noNewPrivileges: true });
    }
  });

  test('gives every container a memory, CPU and process limit', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      expect({
        name,
        memory: /^\d+[kmg]$/i.test(svc.mem_limit ?? ''),
        cpus: Number(svc.cpus) > 0,
        pids: (svc.pids_limit ?? 0) > 0,
      }).toEqual({ name, memory: true, cpus: true, pids: true });
    }
  });

  test('pins every image it pulls by digest, with the tag beside it', () => {
    const pulled = Object.entries(compose.services).filter(([, svc]) => svc.build === undefined);
    expect(pulled.length).toBeGreaterThan(0);
    for (const [name, svc] of pulled) {
      const image = svc.image ?? '';
      expect({ name, image, pinned: isPinnedImage(image) }).toEqual({ name, image, pinned: true });
    }
  });

  test('has no default database password: every use of POSTGRES_PASSWORD requires it', () => {
    const uses = [...composeText.matchAll(/\$\{POSTGRES_PASSWORD([^}]*)\}/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const use of uses) expect(use).toMatch(/^:\?\S/);
    expect(service('postgres').environment?.['POSTGRES_PASSWORD']).toMatch(
      /^\$\{POSTGRES_PASSWORD:\?/,
    );
    expect(service('mlflow').environment?.['PGPASSWORD']).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  test('gives the API key no default and has the service require one', () => {
    const env = service('service').environment ?? {};
    expect(env['CHAMPION_API_KEY']).toMatch(/^\$\{CHAMPION_API_KEY(:?-)?\}$/);
    expect(env['CHAMPION_REQUIRE_API_KEY']).toBe('1');
    expect(env['CHAMPION_ALLOW_OPEN']).toMatch(/^\$\{CHAMPION_ALLOW_OPEN(:?-0?)?\}$/);
  });

  test('lets the service drain before compose kills it (stop_grace_period > delay + grace)', () => {
    const svc = service('service');
    const env = svc.environment ?? {};
    const drain =
      Number(env['CHAMPION_DRAIN_DELAY_MS']) + Number(env['CHAMPION_SHUTDOWN_GRACE_MS']);
    expect(drain).toBeGreaterThan(0);
    expect(durationMs(svc.stop_grace_period ?? '10s')).toBeGreaterThan(drain);
  });

  const cli = composeCli();
  if (!cli) {
    process.stderr.write(
      'deploy-files: skipping `docker compose config`: neither `docker compose` nor `docker-compose` ' +
        'is installed (apt-get install docker-compose, or Docker with the compose plugin).\n',
    );
  }
  /** `compose config` with exactly these variables (nothing inherited but PATH and HOME). */
  const composeConfig = (vars: Record<string, string>, quiet = true) => {
    const [cmd = '', ...args] = cli ?? [];
    return spawnSync(
      cmd,
      [...args, '-f', 'docker-compose.yaml', 'config', ...(quiet ? ['-q'] : [])],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...vars },
      },
    );
  };

  (cli ? test : test.skip)(
    'is accepted by `docker compose config` once POSTGRES_PASSWORD is set',
    () => {
      const result = composeConfig({ POSTGRES_PASSWORD: 'test-only' });
      // stderr is in the object so that a failure shows compose's reason.
      expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
    },
  );

  (cli ? test : test.skip)(
    'is refused by `docker compose config` without POSTGRES_PASSWORD, naming it',
    () => {
      for (const vars of [{}, { POSTGRES_PASSWORD: '' }]) {
        const result = composeConfig(vars);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toMatch(/POSTGRES_PASSWORD/);
      }
    },
  );

  (cli ? test : test.skip)(
    'starts the service only with an API key or CHAMPION_ALLOW_OPEN=1 (compose env over the image env)',
    () => {
      const imageEnv = stageEnv(finalStage('Dockerfile'));
      const serviceEnv = (vars: Record<string, string>): Record<string, string> => {
        const result = composeConfig({ POSTGRES_PASSWORD: 'test-only', ...vars }, false);
        if (result.status !== 0) throw new Error(`compose config failed: ${result.stderr}`);
        const resolved = parse(result.stdout) as { services: Record<string, Service> };
        // A variable resolved to nothing may print as null.
        const env: Record<string, string | null> = resolved.services['service']?.environment ?? {};
        const strings = Object.entries(env).map(([k, v]): [string, string] => [k, v ?? '']);
        return { ...imageEnv, ...Object.fromEntries(strings) };
      };
      const [noKey, emptyKey, open, keyed] = servingStartOutcomes([
        serviceEnv({}),
        serviceEnv({ CHAMPION_API_KEY: '' }),
        serviceEnv({ CHAMPION_ALLOW_OPEN: '1' }),
        serviceEnv({ CHAMPION_API_KEY: 'a-long-random-key' }),
      ]);
      for (const refused of [noKey, emptyKey]) {
        expect(refused).toEqual({
          started: false,
          message: expect.stringMatching(/CHAMPION_API_KEY.*CHAMPION_ALLOW_OPEN=1/) as unknown,
        });
      }
      expect(open).toEqual({ started: true });
      expect(keyed).toEqual({ started: true });
    },
    60_000,
  );
});

describe('.dockerignore', () => {
  test('keeps secrets (.env, next to docker-compose.yaml) out of the build context', () => {
    const patterns = read('.dockerignore')
      .split(/\r?\n/)
      .map((line) => line.trim());
    expect(patterns).toEqual(expect.arrayContaining(['.env', '.env.*']));
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

  test('refuses to serve without an API key wherever the image runs, unless told it is open', () => {
    const env = stageEnv(stage);
    expect(env['CHAMPION_REQUIRE_API_KEY']).toBe('1');
    const [bare, open] = servingStartOutcomes([env, { ...env, CHAMPION_ALLOW_OPEN: '1' }]);
    expect(bare).toEqual({
      started: false,
      message: expect.stringMatching(/CHAMPION_API_KEY.*CHAMPION_ALLOW_OPEN=1/) as unknown,
    });
    expect(open).toEqual({ started: true });
  }, 60_000);
});

describe('every Dockerfile at the repository root', () => {
  const dockerfiles = readdirSync(root).filter((name) => /^Dockerfile(\.[\w.-]+)?$/.test(name));

  test('is found (Dockerfile and Dockerfile.mlflow at least)', () => {
    expect(dockerfiles).toEqual(expect.arrayContaining(['Dockerfile', 'Dockerfile.mlflow']));
  });

  test('starts every stage from a base image pinned by digest, with its tag', () => {
    for (const dockerfile of dockerfiles) {
      const bases = externalBases(dockerfile);
      expect({ dockerfile, count: bases.length > 0 }).toEqual({ dockerfile, count: true });
      for (const base of bases)
        expect({ dockerfile, base, pinned: isPinnedImage(base) }).toEqual({
          dockerfile,
          base,
          pinned: true,
        });
    }
  });
});

describe('Dockerfile.mlflow', () => {
  const text = read('Dockerfile.mlflow');
  const stages = parseDockerfile(text);
  const runtime = finalStage('Dockerfile.mlflow');
  const runs = stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'));
  const pipInstall = runs.find((r) => /\bpip install\b/.test(r.args))?.args ?? '';
  const command = JSON.parse(lastInstruction(runtime, 'CMD') ?? '[]') as string[];
  const option = (name: string): string | undefined => command[command.indexOf(name) + 1];

  test('installs the MLflow and psycopg2 versions pinned in conda.yaml', () => {
    const pins = parsePipPins(read('conda.yaml'));
    const arg = (name: string): string | undefined =>
      new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(text)?.[1];
    expect(pins).toContain(`mlflow==${arg('MLFLOW_VERSION')}`);
    expect(pins).toContain(`psycopg2-binary==${arg('PSYCOPG2_VERSION')}`);
    expect(pipInstall).toContain('"mlflow==${MLFLOW_VERSION}"');
    expect(pipInstall).toContain('"psycopg2-binary==${PSYCOPG2_VERSION}"');
  });

  test("constrains the rest of the install to conda.yaml's pip list, every pin of it", () => {
    // The image has no node to run parsePipPins: it extracts the pins with sed. Run that very
    // instruction on conda.yaml and compare with what the project's one reader finds.
    const extract = runs.find((r) => /\bconda\.yaml\b.*>\s*constraints\.txt$/.test(r.args));
    expect(extract).toBeDefined();
    expect(pipInstall).toMatch(/--constraint constraints\.txt\b/);
    const dir = mkdtempSync(path.join(tmpdir(), 'dockerfile-mlflow-'));
    try {
      copyFileSync(path.join(root, 'conda.yaml'), path.join(dir, 'conda.yaml'));
      const result = spawnSync('sh', ['-c', extract?.args ?? 'false'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      const constraints = readFileSync(path.join(dir, 'constraints.txt'), 'utf8')
        .split('\n')
        .filter(Boolean);
      expect(constraints).toEqual(parsePipPins(read('conda.yaml')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("runs conda.yaml's Python version", () => {
    const conda = parse(read('conda.yaml')) as { dependencies: unknown[] };
    const wanted = conda.dependencies
      .filter((d): d is string => typeof d === 'string')
      .map((d) => /^python=(\d+\.\d+)$/.exec(d)?.[1])
      .find(Boolean);
    const base = externalBases('Dockerfile.mlflow')[0] ?? '';
    const tagged = /^python:(\d+\.\d+)(?:\.\d+)?-/.exec(base)?.[1];
    expect(wanted).toBeDefined();
    expect(tagged).toBe(wanted);
  });

  test('serves MLflow with its artifact store in the /mlartifacts volume', () => {
    expect(command.slice(0, 2)).toEqual(['mlflow', 'server']);
    expect(option('--artifacts-destination')).toBe('/mlartifacts');
    expect(JSON.parse(lastInstruction(runtime, 'VOLUME') ?? '[]')).toEqual(['/mlartifacts']);
  });

  test('runs as a non-root user that owns the artifact volume', () => {
    const user = lastInstruction(runtime, 'USER') ?? 'root';
    expect(isRootUser(user)).toBe(false);
    const uid = user.split(':')[0] ?? '';
    // The shell commands of the runtime stage, one per `&&`.
    const commands = runtime.instructions
      .filter((i) => i.keyword === 'RUN')
      .flatMap((i) => i.args.split('&&').map((c) => c.trim().split(/\s+/)));
    const useradd = commands.find(
      (c) => c[0] === 'useradd' && c.includes('--uid') && c[c.indexOf('--uid') + 1] === uid,
    );
    const name = useradd?.at(-1);
    expect(name).toBeDefined();
    const chown = commands.find((c) => c[0] === 'chown' && c.includes('/mlartifacts'));
    expect(chown?.[1]?.split(':')[0]).toBe(name);
  });

  test('health-checks /health on the port it serves, without curl (slim has none)', () => {
    const check = lastInstruction(runtime, 'HEALTHCHECK') ?? '';
    const port = /'http:\/\/127\.0\.0\.1:(\d+)\/health'/.exec(check)?.[1];
    expect(check).toMatch(/CMD \["python", "-c", "import urllib\.request;/);
    expect(port).toBe(option('--port'));
  });
});
