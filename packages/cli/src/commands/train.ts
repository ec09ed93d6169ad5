import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { fairnessRuleOption, parseList, parsePositiveInt } from './options.js';
import { runTrain, type TrainFlags } from './train-action.js';

export { summaryText } from './train-summary.js';

function parseNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
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
        await runTrain(command.optsWithGlobals<TrainFlags & GlobalOptions>(), context);
      });
  },
};
