/**
 * `champion fairness`: the fairness report (the one `champion train --sensitive` stores with a
 * model) of any model on any labelled file: per group of each sensitive column, and between them.
 */
import type { Command } from 'commander';
import { parseList, parsePositiveInt } from './options.js';
import { createProgress } from './progress.js';
import { fairnessText } from './fairness-text.js';
import { fairnessOfFile } from './fairness-data.js';
import { loadBatchModel } from './score.js';
import type { CommandModule, GlobalOptions } from './types.js';

interface FairnessFlags {
  model: string;
  data: string;
  target: string;
  positive?: string;
  sensitive: string[];
  resamples: number;
  seed: number;
  rowsOut?: string;
}

export const fairnessCommand: CommandModule = {
  register(program, context) {
    program
      .command('fairness')
      .description(
        'Group fairness of a model on a labelled file: selection rate, TPR, FPR, ROC AUC, calibration per group; demographic parity and equalized odds differences; flip test',
      )
      .requiredOption('--model <uri>', 'models:/NAME@ALIAS, models:/NAME/VERSION or a model folder')
      .requiredOption('--data <file>', 'labelled data (CSV or Parquet)')
      .requiredOption('--target <column>', 'the column holding the true label')
      .option('--positive <label>', "the positive class (default: the model's)")
      .requiredOption(
        '--sensitive <list>',
        'comma-separated columns whose groups to compare',
        parseList,
      )
      .option('--resamples <n>', 'bootstrap resamples for the intervals', parsePositiveInt, 200)
      .option('--seed <n>', 'bootstrap seed', parsePositiveInt, 42)
      .option(
        '--rows-out <file>',
        'also write the assessed rows (y_true, probability, y_pred, groups) as CSV',
      )
      .action(async (_flags: FairnessFlags, command: Command) => {
        const flags = command.optsWithGlobals<FairnessFlags & GlobalOptions>();
        const json = flags.json === true;
        const progress = createProgress({ json });
        progress.update(`loading ${flags.model}`);
        const model = await loadBatchModel({ model: flags.model, context });
        try {
          progress.update(`scoring ${flags.data}`);
          const report = await fairnessOfFile({
            model: model.loaded,
            data: flags.data,
            target: flags.target,
            positive: flags.positive,
            sensitive: flags.sensitive,
            bootstrap: { resamples: flags.resamples, seed: flags.seed },
            rowsOut: flags.rowsOut,
          });
          progress.done();
          context.output.result({ json, text: fairnessText(report), data: report });
        } finally {
          progress.done();
          await model.close();
        }
      });
  },
};
