/**
 * Which scorer a batch run uses: the engine (the compiled trees when they are verified against
 * onnxruntime, else onnxruntime) times the place (worker threads, else the main thread). Each
 * engine is one function that opens its scorer or says why it cannot; the places are tried in
 * order, so `auto` falls back where `worker` or `compiled` fails loudly.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  compileModel,
  instantiate,
  verifyProgram,
  type CompiledProgram,
  type LoadedModel,
  type Logger,
} from '@champion/runtime';
import { BatchError } from './errors.js';
import {
  defaultOrtPath,
  mainThreadScorer,
  workerScorer,
  type Scorer,
  type ScoringWorkerPool,
} from './scorer.js';

export interface OpenedScorer {
  readonly scorer: Scorer;
  readonly note?: string;
  /** The compiled program the scorer runs, when it runs one. */
  readonly program?: CompiledProgram;
}

export interface OpenScorerOptions {
  readonly model: LoadedModel;
  readonly mode: 'auto' | 'worker' | 'main';
  readonly engine: 'auto' | 'compiled' | 'onnxruntime';
  readonly workers: number;
  readonly pool: ScoringWorkerPool | undefined;
  readonly log: Logger;
  readonly releaseSession: boolean;
}

/** Opens the scorer for a batch run; see the module header. */
export async function openScorer(options: OpenScorerOptions): Promise<OpenedScorer> {
  if (options.engine === 'onnxruntime') return openOnnxruntime(options, undefined);
  const compiled = await openCompiled(options);
  if ('scorer' in compiled) return compiled;
  if (options.engine === 'compiled') {
    throw new BatchError('BAD_OPTIONS', `--engine compiled: ${compiled.reason}`);
  }
  options.log.warn('scoring with onnxruntime', { why: compiled.reason });
  return openOnnxruntime(options, compiled.reason);
}

/** The compiled engine: workers start while the program is verified, used only if it passes. */
async function openCompiled(
  options: OpenScorerOptions,
): Promise<OpenedScorer | { reason: string }> {
  const { model, mode, workers, log } = options;
  const compiled = compileModel(await readFile(join(model.model.dir, 'model.onnx')));
  if ('reason' in compiled) return compiled;
  const { program } = compiled;
  const pool = options.pool === undefined ? {} : { pool: options.pool };
  const starting = mode === 'main' ? undefined : workerScorer({ model, program, workers, ...pool });
  starting?.catch(() => undefined); // awaited below
  const stopStarting = (): Promise<void> =>
    starting?.then(
      (scorer) => scorer.close(),
      () => undefined,
    ) ?? Promise.resolve();
  let reason: string | undefined;
  try {
    reason = await verifyProgram({ program, reference: (batch) => model.run(batch) });
  } catch (error) {
    await stopStarting(); // workers would keep the process alive
    throw error;
  }
  if (reason !== undefined) {
    await stopStarting();
    return { reason };
  }
  if (starting === undefined) return { scorer: compiledMainThreadScorer(program), program };
  try {
    const scorer = await starting;
    if (options.releaseSession) await model.retire();
    return { scorer, program };
  } catch (error) {
    if (mode === 'worker') throw error;
    log.warn('the scoring workers did not start; scoring on the main thread', {
      error: error instanceof Error ? error.message : String(error),
    });
    return { scorer: compiledMainThreadScorer(program), program };
  }
}

/** onnxruntime: in worker threads when onnxruntime-node can be located for them, else here. */
async function openOnnxruntime(
  options: OpenScorerOptions,
  note: string | undefined,
): Promise<OpenedScorer> {
  const { model, mode, workers, log } = options;
  const withNote = (scorer: Scorer): OpenedScorer =>
    note === undefined ? { scorer } : { scorer, note };
  if (mode === 'main') return withNote(mainThreadScorer(model));
  const ortPath = defaultOrtPath();
  if (ortPath === undefined) {
    if (mode === 'worker') {
      throw new BatchError(
        'BAD_OPTIONS',
        'onnxruntime-node cannot be located for the inference worker',
      );
    }
    return withNote(mainThreadScorer(model));
  }
  try {
    return withNote(await workerScorer({ model, ortPath, workers }));
  } catch (error) {
    if (mode === 'worker') throw error;
    log.warn('the inference worker did not start; scoring on the main thread', {
      error: error instanceof Error ? error.message : String(error),
    });
    return withNote(mainThreadScorer(model));
  }
}

/** Scores with a compiled program on the calling thread. */
export function compiledMainThreadScorer(program: CompiledProgram): Scorer {
  const score = instantiate(program);
  return {
    where: 'main',
    engine: 'compiled',
    parallelism: 1,
    run: (batch) => Promise.resolve(score(batch.columns, batch.rows)),
    close: () => Promise.resolve(),
  };
}
