/**
 * `champion score`: batch scoring of CSV / Parquet files with a registered or local model. Exit
 * code 4 when more than --max-reject-share of the rows read were rejected (the output and reject
 * file are still written, so the rejects can be inspected).
 */
import type { Command } from 'commander';
import { CommanderError, InvalidArgumentError } from 'commander';
import {
  defaultScoringWorkers,
  parseShard,
  resolveBatchModel,
  scoreBatch,
  ScoringWorkerPool,
  type BatchModel,
  type BatchSummary,
  type Shard,
} from '@champion/batch';
import type { CliContext } from '../context.js';
import { parseList, parsePositiveInt } from './options.js';
import { createProgress } from './progress.js';
import type { CommandModule, GlobalOptions } from './types.js';
import { withTracking } from '../services/tracking.js';

/** The exit code of a run that rejected too many rows. */
export const TOO_MANY_REJECTS_EXIT = 4;

interface ScoreFlags {
  model: string;
  input: string;
  output: string;
  keep?: string[];
  reject?: string;
  maxRejectShare: number;
  shard?: Shard;
  chunkRows: number;
  engine: 'auto' | 'compiled' | 'onnxruntime';
}

function parseShare(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a share from 0 to 1.');
  return n;
}

const ENGINES = ['auto', 'compiled', 'onnxruntime'] as const;

function parseEngine(value: string): ScoreFlags['engine'] {
  const engine = ENGINES.find((e) => e === value);
  if (engine === undefined)
    throw new InvalidArgumentError(`expected one of ${ENGINES.join(', ')}.`);
  return engine;
}

function parseShardFlag(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

function summaryText(s: BatchSummary): string {
  const f = (n: number): string => Math.round(n).toLocaleString('en-US');
  const st = s.stages;
  return [
    `scored ${f(s.rowsScored)} of ${f(s.rowsRead)} rows (${f(s.rowsRejected)} rejected) with ${s.model.name} version ${s.model.version} in ${s.seconds.toFixed(1)}s (${f(s.rowsPerSecond)} rows/s)`,
    `stages (s): read ${st.read.toFixed(1)}, prepare ${st.prepare.toFixed(1)}, inference ${st.inference.toFixed(1)} (${s.engine}, ${s.inference} thread), write ${st.write.toFixed(1)}`,
    ...(s.engineNote === undefined ? [] : [`onnxruntime scored because ${s.engineNote}`]),
    `output: ${s.output}`,
    `rejects: ${s.rejectFile}`,
  ].join('\n');
}

/** Loads the model; MLflow is needed only for the download and is released right after. */
export function loadBatchModel(options: {
  model: string;
  context: CliContext;
}): Promise<BatchModel> {
  if (!options.model.startsWith('models:/')) return resolveBatchModel({ model: options.model });
  return withTracking({ env: process.env, logger: options.context.logger }, (tracking) =>
    resolveBatchModel({ model: options.model, client: tracking.client }),
  );
}

/** `champion score`: see the module header. */
export const scoreCommand: CommandModule = {
  register(program, context) {
    program
      .command('score')
      .description('Score CSV/Parquet files in batch with a registered or local model')
      .requiredOption('--model <uri>', 'models:/NAME@ALIAS, models:/NAME/VERSION or a model folder')
      .requiredOption('--input <file|glob>', 'input file, or a glob in the file name (/in/*.csv)')
      .requiredOption('--output <file>', 'output file; .csv or .parquet chooses the format')
      .option('--keep <list>', 'comma-separated input columns to copy to the output', parseList)
      .option('--reject <file>', 'where rejected rows go (default: <output>.rejects.csv)')
      .option(
        '--max-reject-share <share>',
        'exit 4 when more than this share of rows is rejected',
        parseShare,
        0.01,
      )
      .option(
        '--shard <I/N>',
        'score only shard I of N (0-based; default: all rows)',
        parseShardFlag,
      )
      .option(
        '--chunk-rows <n>',
        'rows per chunk where the main thread reads the file (quoted CSV, Parquet, row shards)',
        parsePositiveInt,
        16384,
      )
      .option(
        '--engine <engine>',
        'auto: the model compiled (WebAssembly and JavaScript) when it matches onnxruntime exactly, else onnxruntime; compiled; onnxruntime',
        parseEngine,
        'auto',
      )
      .action(async (_flags: ScoreFlags, command: Command) => {
        const flags = command.optsWithGlobals<ScoreFlags & GlobalOptions>();
        const json = flags.json === true;
        const progress = createProgress({ json });
        // The scoring threads boot while the model downloads (they get the program later).
        const pool = new ScoringWorkerPool({
          prestart: flags.engine === 'onnxruntime' ? 0 : defaultScoringWorkers(),
        });
        let model: BatchModel;
        try {
          model = await loadBatchModel({ model: flags.model, context });
        } catch (error) {
          await pool.close();
          throw error;
        }
        let summary: BatchSummary;
        try {
          summary = await scoreBatch({
            model: model.loaded,
            input: flags.input,
            output: flags.output,
            keep: flags.keep ?? [],
            ...(flags.shard === undefined ? {} : { shard: flags.shard }),
            chunkRows: flags.chunkRows,
            engine: flags.engine,
            releaseSession: true,
            pool,
            ...(flags.reject === undefined ? {} : { rejectFile: flags.reject }),
            logger: context.logger,
            // A function: the numbers are formatted only when shown (never with --json).
            onProgress: (p) =>
              progress.update(
                () =>
                  `${p.rowsRead.toLocaleString('en-US')} rows read, ${p.rowsRejected.toLocaleString('en-US')} rejected, ${Math.round(p.rowsRead / Math.max(p.seconds, 1e-3)).toLocaleString('en-US')} rows/s`,
              ),
          });
        } finally {
          progress.done();
          await pool.close();
          await model.close();
        }
        const share = summary.rowsRead === 0 ? 0 : summary.rowsRejected / summary.rowsRead;
        const tooMany = share > flags.maxRejectShare;
        context.output.result({
          json,
          text: summaryText(summary),
          data: {
            event: 'scored',
            rowsRead: summary.rowsRead,
            rowsScored: summary.rowsScored,
            rowsRejected: summary.rowsRejected,
            rejectShare: share,
            maxRejectShare: flags.maxRejectShare,
            seconds: summary.seconds,
            rowsPerSecond: summary.rowsPerSecond,
            output: summary.output,
            rejectFile: summary.rejectFile,
            files: summary.files,
            shard: `${summary.shard.index}/${summary.shard.count}`,
            model: summary.model,
            stages: summary.stages,
            inference: summary.inference,
            engine: summary.engine,
            readers: summary.readers,
            ...(summary.engineNote === undefined ? {} : { engineNote: summary.engineNote }),
          },
        });
        if (tooMany) {
          const message = `${summary.rowsRejected} of ${summary.rowsRead} rows (${(share * 100).toFixed(2)}%) were rejected, more than --max-reject-share ${flags.maxRejectShare}; see ${summary.rejectFile}`;
          context.logger.error(message, { code: 'TOO_MANY_REJECTS' });
          throw new CommanderError(TOO_MANY_REJECTS_EXIT, 'champion.tooManyRejects', message);
        }
      });
  },
};
