import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { withTracking } from '../services/tracking.js';

interface PromoteFlags {
  name: string;
  version: string;
  data?: string;
  force?: boolean;
  minAuc: number;
  margin: number;
}

function parseNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
}

/** `champion promote`: run the promotion gate by hand (or force it) for one version. */
export const promoteCommand: CommandModule = {
  register(program, context) {
    program
      .command('promote')
      .description(
        'Run the promotion gate for a registered version: scores it and the current @champion on --data, moves @champion if it passes',
      )
      .requiredOption('--name <model>', 'registered model name')
      .requiredOption('--version <n>', 'version to promote')
      .option('--data <file>', 'held-out rows (with the target column) to compare on')
      .option('--force', 'move @champion even if the gate refuses (recorded in the version tags)')
      .option('--min-auc <auc>', 'floor: ROC AUC at least', parseNumber, 0.6)
      .option('--margin <delta>', 'ROC AUC improvement over the champion required', parseNumber, 0)
      .action(async (_flags: PromoteFlags, command: Command) => {
        const flags = command.optsWithGlobals<PromoteFlags & GlobalOptions>();
        const { promoteVersion } = await import('@champion/trainer');
        const decision = await withTracking(
          { env: process.env, logger: context.logger },
          ({ client }) =>
            promoteVersion({
              client,
              name: flags.name,
              version: flags.version,
              data: flags.data,
              force: flags.force,
              gate: {
                primaryMetric: 'roc_auc',
                margin: flags.margin,
                floors: flags.data ? { roc_auc: flags.minAuc } : {},
              },
            }),
        );
        context.output.result({
          json: flags.json === true,
          text: [
            `${flags.name} v${flags.version}: ${decision.promote ? 'now @champion' : `${decision.tag}, @champion unchanged`}`,
            ...decision.reasons.map((r) => `  ${r}`),
          ].join('\n'),
          data: {
            event: 'promotion',
            name: flags.name,
            version: flags.version,
            promoted: decision.promote,
            decision: decision.tag,
            reasons: decision.reasons,
            figures: decision.figures,
          },
        });
        if (!decision.promote) process.exitCode = 3;
      });
  },
};
