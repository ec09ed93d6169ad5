/**
 * What every benchmark gets: the repo root, a Python with the peers installed (.venv-bench), a
 * running MLflow server, a scratch directory, and a way to report progress on stderr.
 */
import { spawn } from 'node:child_process';

export interface BenchContext {
  readonly repoRoot: string;
  /** Python of .venv-bench: MLflow, LightGBM, scikit-learn, pandas, onnxruntime. */
  readonly python: string;
  /** `mlflow` executable of .venv-bench. */
  readonly mlflow: string;
  /** Tracking URI of the MLflow server both sides of a bench talk to. */
  readonly trackingUri: string;
  readonly workDir: string;
  /** Where the real datasets live (the repository's `data/`), or undefined when absent. */
  readonly dataDir: string | undefined;
  /** Scale factor from `--quick` (0.1) for smoke runs; 1 normally. */
  readonly scale: number;
  progress(message: string): void;
}

/** Runs a Python script of the peer side and parses the one JSON line it prints last. */
export async function runPython<T>(options: {
  python: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.python, [...options.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${options.args[0] ?? 'python'} exited ${code}: ${err.slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(
          new Error(`${options.args[0] ?? 'python'} printed no JSON result: ${out.slice(-500)}`),
        );
      }
    });
  });
}

/** Runs a TypeScript worker of ours in a fresh Node process (its own peak RSS), from source. */
export async function runTsWorker(options: {
  repoRoot: string;
  script: string;
  args: readonly string[];
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@champion/source',
        '--max-old-space-size=8192',
        options.script,
        ...options.args,
      ],
      { cwd: options.repoRoot, stdio: ['ignore', 'inherit', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${options.script} exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}
