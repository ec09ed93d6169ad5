import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { openSource } from '@champion/tabular';
import type { LearnerName, TrainEvent, TrainSummary } from '@champion/trainer';
import type { CommandModule, GlobalOptions } from './types.js';
import { fairnessRuleOption, parseList, parsePositiveInt } from './options.js';
import { createProgress } from './progress.js';
import { formatTable } from './table.js';
import { fairnessSummaryTable } from './fairness-text.js';
import { withTracking } from '../services/tracking.js';

interface TrainFlags {
  data: string;
  /** With --json: each progress event as a JSON line on stdout before the result. */
  events?: boolean;
}

function parseNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
}

export function summaryText(s: TrainSummary, uri: string): string {
  const rows = s.candidates.map((c) => [
    c.learner,
    String(c.index + 1),
    `${c.meanAuc.toFixed(4)} ± ${c.stdAuc.toFixed(4)}`,
    `${c.seconds.toFixed(1)}s`,
    JSON.stringify(c.params),
  ]);
  const models = s.models.map((m) => [
    m.learner === s.winner.learner ? `${m.learner} (winner)` : m.learner,
    (m.evaluated.metrics['roc_auc'] ?? Number.NaN).toFixed(4),
    (m.evaluated.metrics['pr_auc'] ?? Number.NaN).toFixed(4),
    (m.evaluated.metrics['log_loss'] ?? Number.NaN).toFixed(4),
    (m.evaluated.metrics['f1'] ?? Number.NaN).toFixed(4),
    m.evaluated.threshold.threshold.toFixed(4),
    m.evaluated.parity.maxAbsDiff.toExponential(1),
  ]);
  const lines = [
    `rows: ${s.rows.train} train, ${s.rows.validation} validation, ${s.rows.test} test${s.rows.setAside ? `, ${s.rows.setAside} set aside` : ''}; ${s.features} features`,
    '',
    'candidates (cross-validated ROC AUC on the training split):',
    formatTable(['learner', '#', 'cv roc_auc', 'time', 'params'], rows),
    '',
    'best of each learner on the held-out test split, scored by its ONNX export:',
    formatTable(['model', 'roc_auc', 'pr_auc', 'log_loss', 'f1', 'threshold', 'parity'], models),
    '',
  ];
  if (s.schemaChange.changes.length > 0) {
    lines.push(
      `schema changed from ${s.schemaChange.comparedWith ?? 'the registered model'} (--allow-schema-change):`,
      ...s.schemaChange.changes.map((c) => `  ${c}`),
      '',
    );
  }
  const fairness = s.winner.fairness;
  if (fairness !== undefined) {
    lines.push(
      `fairness of the winner on the test split (champion/fairness.json):`,
      fairnessSummaryTable(fairness),
      '',
    );
  }
  if (s.unchanged !== undefined) {
    lines.push(
      `unchanged: the winner is identical to @champion v${s.unchanged} (same model digest); no new version registered`,
    );
  }
  if (s.version !== undefined && s.decision) {
    lines.push(
      `registered version ${s.version} (@challenger); gate: ${s.decision.promote ? `PROMOTED to @champion` : `${s.decision.tag}, @champion unchanged`}`,
      ...s.decision.reasons.map((r) => `  ${r}`),
    );
  }
  lines.push(
    `MLflow run: ${uri.replace(/\/+$/, '')}/#/experiments/${s.experimentId}/runs/${s.runId}`,
  );
  return lines.join('\n');
}

/** `champion train`: search, evaluate, log, register and gate a binary classifier. */
export const trainCommand: CommandModule = {
  register(program, context) {
    program
      .command('train')
      .description(
        'Train candidates on a CSV/Parquet file, log them to MLflow, register the best and run the promotion gate',
      )
      .requiredOption('--data <file>', 'training data (CSV or Parquet)')
      .requiredOption('--target <column>', 'the column to predict (two classes)')
      .option(
        '--positive <label>',
        'the positive class (default: 1/yes/true/bad..., else the minority class)',
      )
      .option('--id-cols <list>', 'comma-separated id columns (not features)', parseList)
      .option(
        '--exclude <list>',
        'comma-separated columns to leave out (leakage, protected attributes)',
        parseList,
      )
      .option(
        '--categorical <list>',
        'comma-separated numeric-looking columns to treat as categories',
        parseList,
      )
      .option(
        '--name <model>',
        'registered model name (default: from the data file name, loans_2024.csv → loans-2024)',
      )
      .option('--experiment <name>', 'MLflow experiment (default: the model name)')
      .option('--learners <list>', 'learners to search: gbdt, logreg', parseList, [
        'gbdt',
        'logreg',
      ])
      .addOption(
        new Option('--search <size>', 'search size')
          .choices(['quick', 'default', 'wide'])
          .default('default'),
      )
      .option('--candidates <n>', 'candidates per learner (overrides --search)', parsePositiveInt)
      .option(
        '--time-budget <seconds>',
        'stop starting new candidates after this long',
        parseNumber,
        300,
      )
      .option(
        '--folds <k>',
        'cross-validation folds (default 3; holdout above 200k rows)',
        parsePositiveInt,
      )
      .addOption(
        new Option(
          '--threshold-for <objective>',
          'how the decision threshold is chosen on validation data',
        )
          .choices(['f1', 'cost'])
          .default('f1'),
      )
      .option('--cost-fn <cost>', 'cost of a false negative (missed positive)', parseNumber, 5)
      .option('--cost-fp <cost>', 'cost of a false positive', parseNumber, 1)
      .option('--min-auc <auc>', 'promotion floor: test ROC AUC at least', parseNumber, 0.6)
      .option(
        '--margin <delta>',
        "promotion: the candidate's test ROC AUC must beat the champion's by more than this (0: strictly better; a tie keeps the champion)",
        parseNumber,
        0,
      )
      .option('--seed <n>', 'random seed (splits, search, learners)', parseNumber, 42)
      .option(
        '--set-aside-bad-rows',
        'set rows with bad values aside (counted, logged) instead of failing',
      )
      .addOption(
        new Option(
          '--example-rows <source>',
          "the model's input example: synthetic (medians, most frequent categories) or real (first test rows: may be personal data)",
        )
          .choices(['synthetic', 'real'])
          .default('synthetic'),
      )
      .option(
        '--allow-schema-change',
        "register even if the data's columns differ from the registered model's (added, removed, retyped)",
      )
      .option(
        '--sensitive <list>',
        'comma-separated columns whose groups the fairness report compares on the test split (features or --exclude columns)',
        parseList,
      )
      .addOption(fairnessRuleOption('max-equalized-odds-diff <d>'))
      .addOption(fairnessRuleOption('max-demographic-parity-diff <d>'))
      .addOption(fairnessRuleOption('min-demographic-parity-ratio <r>'))
      .option('--no-register', 'log runs and models but do not register or promote')
      .option(
        '--events',
        'with --json: also write each progress event as a JSON line ({"event":"progress",...}) before the result',
      )
      .action(async (_flags: TrainFlags, command: Command) => {
        const flags = command.optsWithGlobals<TrainFlags & GlobalOptions>();
        const json = flags.json === true;
        // The trainer is loaded when a command needs it, not at every CLI start-up.
        const {
          checkTrainOptions,
          defaultModelName,
          parseTrainRequest,
          SEARCH_CANDIDATES,
          train,
          trainRequestGate,
        } = await import('@champion/trainer');
        // The same schema the control service validates `POST /jobs/train` with.
        const options = parseTrainRequest(flags);
        const candidates = options.candidates ?? SEARCH_CANDIDATES[options.search];
        const name = options.name ?? defaultModelName(flags.data);
        const gate = trainRequestGate(options);
        checkTrainOptions({
          data: { target: options.target },
          sensitive: options.sensitive,
          gate,
          name,
          learners: options.learners,
          candidates,
          folds: options.folds,
          timeBudgetSeconds: options.timeBudget,
        });
        // A missing, empty or unreadable file fails now, not after MLflow has started.
        await openSource(flags.data);
        const progress = createProgress({ json });
        const onEvent = (e: TrainEvent): void => {
          if (json && flags.events === true)
            context.output.result({ json, text: '', data: { event: 'progress', ...e } });
          progress.update(`${e.stage}: ${e.message}`);
        };
        // Ctrl-C ends the run KILLED (between candidates) instead of leaving it RUNNING.
        const abort = new AbortController();
        void context.shutdownSignal().then((signal) => abort.abort(signal));
        const summary = await withTracking(
          { env: process.env, logger: context.logger },
          async (tracking) => {
            try {
              return {
                uri: tracking.uri,
                result: await train({
                  client: tracking.client,
                  name,
                  experiment: options.experiment,
                  data: {
                    path: flags.data,
                    target: options.target,
                    positive: options.positive,
                    idColumns: options.idCols,
                    exclude: options.exclude,
                    categorical: options.categorical,
                    onBadRows: options.setAsideBadRows ? 'set-aside' : 'reject',
                    seed: options.seed,
                  },
                  learners: options.learners as LearnerName[],
                  candidates,
                  timeBudgetSeconds: options.timeBudget,
                  folds: options.folds,
                  thresholdFor: options.thresholdFor,
                  costs: { falseNegative: options.costFn, falsePositive: options.costFp },
                  gate,
                  sensitive: options.sensitive,
                  register: options.register,
                  allowSchemaChange: options.allowSchemaChange === true,
                  exampleRows: options.exampleRows,
                  command: `champion ${process.argv.slice(2).join(' ')}`.slice(0, 500),
                  onEvent,
                  signal: abort.signal,
                }),
              };
            } finally {
              progress.done();
            }
          },
        );
        const s = summary.result;
        context.output.result({
          json,
          text: summaryText(s, summary.uri),
          data: {
            event: 'trained',
            experimentId: s.experimentId,
            runId: s.runId,
            winner: s.winner.learner,
            modelId: s.winner.modelId,
            version: s.version ?? null,
            promoted: s.decision?.promote ?? false,
            decision: s.decision?.tag ?? (s.unchanged === undefined ? null : 'unchanged'),
            unchanged: s.unchanged ?? null,
            replaced: s.decision?.replaced ?? null,
            repaired: s.repaired,
            schemaChanges: s.schemaChange.changes,
            reasons: s.decision?.reasons ?? [],
            testMetrics: s.winner.evaluated.metrics,
            threshold: s.winner.evaluated.threshold.threshold,
            fairness: s.winner.fairness ?? null,
            candidates: s.candidates.map((c) => ({
              learner: c.learner,
              params: c.params,
              cvRocAucMean: c.meanAuc,
              cvRocAucStd: c.stdAuc,
              seconds: c.seconds,
            })),
            rows: s.rows,
            seconds: s.seconds,
            trackingUri: summary.uri,
          },
        });
      });
  },
};
