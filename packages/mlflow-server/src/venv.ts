import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MlflowServerError } from './errors.js';
import { withFileLock } from './file-lock.js';
import { silentLogger, type Logger } from './logger.js';
import { pinsDigest, readPipPins } from './pins.js';
import { findPython, type FindPythonOptions } from './python.js';
import { findRepoRoot } from './repo-root.js';
import { runCommand } from './run-command.js';

/** The file inside the venv recording which pins it was built from. */
export const STAMP_FILE = '.champion-pins.sha256';

/** A ready MLflow virtual environment. */
export interface MlflowVenv {
  dir: string;
  /** The venv's Python interpreter (for `python -m mlflow`, psycopg2, cross-checks). */
  python: string;
  /** The venv's `mlflow` executable. */
  mlflow: string;
  /** The pip pins it was built from. */
  pins: string[];
  /** True when this call (re)built it. */
  rebuilt: boolean;
}

/** Options of {@link ensureVenv}. */
export interface EnsureVenvOptions {
  /** @default findRepoRoot() */
  repoRoot?: string;
  /** @default `<repoRoot>/.venv-mlflow` */
  venvDir?: string;
  /** @default `<repoRoot>/conda.yaml` */
  condaYamlPath?: string;
  /** Pip requirements to install instead of conda.yaml's (e.g. the bench venv's peers). */
  pins?: readonly string[];
  /** Receives venv/pip output lines while building. @default prefixed lines on stderr */
  onOutput?: (line: string) => void;
  python?: FindPythonOptions;
  logger?: Logger;
}

/** Whether a venv matches the pins: `missing`, `stale` (with why), or `fresh`. */
export type VenvState = { state: 'fresh' } | { state: 'missing' | 'stale'; reason: string };

/** Paths of a venv's executables, per platform layout. */
export function venvPaths(dir: string): { python: string; mlflow: string } {
  const bin = process.platform === 'win32' ? path.join(dir, 'Scripts') : path.join(dir, 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { python: path.join(bin, `python${exe}`), mlflow: path.join(bin, `mlflow${exe}`) };
}

/** Compares a venv's stamp with the pins, and checks its interpreter still runs. */
export async function checkVenv(options: {
  venvDir: string;
  pins: readonly string[];
}): Promise<VenvState> {
  const { python, mlflow } = venvPaths(options.venvDir);
  if (!existsSync(python)) return { state: 'missing', reason: `${python} does not exist` };
  const stamp = await readFile(path.join(options.venvDir, STAMP_FILE), 'utf8').catch(() => '');
  if (stamp.trim() === '') return { state: 'stale', reason: 'it has no stamp (unfinished build?)' };
  if (stamp.trim() !== pinsDigest(options.pins)) {
    return { state: 'stale', reason: 'the pip pins in conda.yaml changed' };
  }
  // Only a venv that pins MLflow must have its CLI (the test peers' venv has none).
  const pinsMlflow = options.pins.some((pin) => /^mlflow(\[[^\]]*\])?\s*[=<>~!]/i.test(pin));
  if (pinsMlflow && !existsSync(mlflow)) {
    return { state: 'stale', reason: `${mlflow} is missing` };
  }
  const probe = await runCommand({ command: python, args: ['-c', 'pass'] });
  if (probe.code !== 0) return { state: 'stale', reason: 'its Python interpreter no longer runs' };
  return { state: 'fresh' };
}

function defaultOutput(line: string): void {
  process.stderr.write(`[mlflow-venv] ${line}\n`);
}

async function build(options: {
  venvDir: string;
  pins: string[];
  settings: EnsureVenvOptions;
}): Promise<void> {
  const { venvDir, pins, settings } = options;
  const onLine = settings.onOutput ?? defaultOutput;
  const base = await findPython(settings.python);
  const version = `${base.version.major}.${base.version.minor}.${base.version.patch}`;
  onLine(`creating ${venvDir} with ${base.command} (Python ${version})`);
  const created = await runCommand({
    command: base.command,
    args: ['-m', 'venv', '--clear', venvDir],
    onLine,
  });
  if (created.code !== 0) {
    throw new MlflowServerError(
      'VENV_FAILED',
      `\`${base.command} -m venv ${venvDir}\` failed. On Debian/Ubuntu install the venv module ` +
        `(\`apt install python3-venv\`), then retry. Last output:\n${created.tail.join('\n')}`,
      created.spawnError ? { cause: created.spawnError } : undefined,
    );
  }
  const { python } = venvPaths(venvDir);
  onLine(`pip install ${pins.join(' ')} (takes a minute or two the first time)`);
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input'];
  const installed = await runCommand({
    command: python,
    args: [...args, '--progress-bar', 'off', ...pins],
    onLine,
  });
  if (installed.code !== 0) {
    throw new MlflowServerError(
      'PIP_FAILED',
      `pip could not install the MLflow server's pins (${pins.join(', ')}) into ${venvDir}. ` +
        'Check your network / proxy (PIP_INDEX_URL) and the pins in conda.yaml, then retry. ' +
        `Last pip output:\n${installed.tail.join('\n')}`,
    );
  }
  await writeFile(path.join(venvDir, STAMP_FILE), `${pinsDigest(pins)}\n`);
  onLine('MLflow venv ready');
}

/**
 * Makes sure the MLflow server's venv exists and was built from the current pip pins of
 * `conda.yaml`, (re)building it under a lock otherwise. Idempotent and cheap when fresh.
 */
export async function ensureVenv(options: EnsureVenvOptions = {}): Promise<MlflowVenv> {
  const logger = options.logger ?? silentLogger;
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const venvDir = path.resolve(options.venvDir ?? path.join(repoRoot, '.venv-mlflow'));
  const condaYaml = options.condaYamlPath ?? path.join(repoRoot, 'conda.yaml');
  const pins = options.pins ? [...options.pins] : await readPipPins(condaYaml);
  const ready = (rebuilt: boolean): MlflowVenv => ({
    dir: venvDir,
    ...venvPaths(venvDir),
    pins,
    rebuilt,
  });

  if ((await checkVenv({ venvDir, pins })).state === 'fresh') return ready(false);
  const lockPath = `${venvDir}.lock`;
  await mkdir(path.dirname(venvDir), { recursive: true });
  return withFileLock(
    {
      path: lockPath,
      onWait: (pid) =>
        logger.info('waiting for another process building the MLflow venv', { pid, lockPath }),
    },
    async () => {
      // Another process may have finished the build while we waited for the lock.
      const state = await checkVenv({ venvDir, pins });
      if (state.state === 'fresh') return ready(false);
      logger.info('building the MLflow venv', { venvDir, why: state.reason });
      await build({ venvDir, pins, settings: options });
      return ready(true);
    },
  );
}
