import { MlflowServerError } from './errors.js';
import { runCommand } from './run-command.js';

/** A Python interpreter we found, with its version. */
export interface PythonInfo {
  command: string;
  version: { major: number; minor: number; patch: number };
}

/** Options of {@link findPython}. */
export interface FindPythonOptions {
  /**
   * Interpreters to try, in order. `CHAMPION_PYTHON`, when set, is tried first.
   * @default ['python3', 'python3.13', 'python3.12', 'python3.11', 'python3.10', 'python']
   */
  candidates?: readonly string[];
  /** @default { major: 3, minor: 10 } */
  minVersion?: { major: number; minor: number };
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_CANDIDATES = [
  'python3',
  'python3.13',
  'python3.12',
  'python3.11',
  'python3.10',
  'python',
];
const VERSION_SCRIPT = 'import sys; print("%d.%d.%d" % sys.version_info[:3])';

/** Parses `3.11.7` as printed by {@link VERSION_SCRIPT}; undefined for anything else. */
export function parsePythonVersion(text: string): PythonInfo['version'] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/**
 * The first Python interpreter on PATH that is new enough for MLflow. Throws PYTHON_NOT_FOUND
 * when none answers and PYTHON_TOO_OLD when only old ones do, naming what was tried.
 */
export async function findPython(options: FindPythonOptions = {}): Promise<PythonInfo> {
  const env = options.env ?? process.env;
  const min = options.minVersion ?? { major: 3, minor: 10 };
  const fromEnv = env.CHAMPION_PYTHON;
  const candidates = [...(fromEnv ? [fromEnv] : []), ...(options.candidates ?? DEFAULT_CANDIDATES)];
  const tooOld: string[] = [];
  for (const command of candidates) {
    const result = await runCommand({ command, args: ['-c', VERSION_SCRIPT], env });
    const version = result.code === 0 ? parsePythonVersion(result.tail.join('\n')) : undefined;
    if (!version) continue;
    const newEnough =
      version.major > min.major || (version.major === min.major && version.minor >= min.minor);
    if (newEnough) return { command, version };
    tooOld.push(`${command} (${version.major}.${version.minor}.${version.patch})`);
  }
  const wanted = `Python ${min.major}.${min.minor}+`;
  if (tooOld.length > 0) {
    throw new MlflowServerError(
      'PYTHON_TOO_OLD',
      `MLflow needs ${wanted}, but only found ${tooOld.join(', ')}. Install a newer Python ` +
        '(e.g. `apt install python3.11 python3.11-venv`, `brew install python@3.11`) or point ' +
        'CHAMPION_PYTHON at one.',
    );
  }
  throw new MlflowServerError(
    'PYTHON_NOT_FOUND',
    `No Python interpreter found (tried ${candidates.join(', ')}). The MLflow server needs ` +
      `${wanted}: install it (with its venv module) or set CHAMPION_PYTHON to its path.`,
  );
}
