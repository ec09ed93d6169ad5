import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext } from '../context.js';
import type { CommandModule, GlobalOptions } from './types.js';
import { withTracking } from '../services/tracking.js';
import { fairnessRuleOption } from './options.js';

interface PromoteFlags {
  name: string;
  version?: string;
  approve?: string;
  data?: string;
  force?: boolean;
  minAuc: number;
  margin: number;
  maxEqualizedOddsDiff?: number;
  maxDemographicParityDiff?: number;
  minDemographicParityRatio?: number;
}

function parseNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
}

/** `champion promote --approve`: a person accepts a version awaiting approval. */
async function approve(
  context: CliContext,
  flags: PromoteFlags & GlobalOptions & { approve: string },
): Promise<void> {
  const { approveVersion } = await import('@champion/trainer');
  const done = await withTracking({ env: process.env, logger: context.logger }, ({ client }) =>
    approveVersion({
      client,
      name: flags.name,
      version: flags.approve,
      approver: process.env['CHAMPION_USER'],
    }),
  );
  context.output.result({
    json: flags.json === true,
    text: `${flags.name} v${done.version}: approved by ${done.approver}, now @champion (replaced v${done.replaced ?? '(none)'}, now @previous)`,
    data: {
      event: 'promotion',
      name: flags.name,
      version: done.version,
      promoted: true,
      decision: 'promoted',
      approvedBy: done.approver,
      replaced: done.replaced ?? null,
    },
  });
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
      .option('--version <n>', 'version to promote')
      .option(
        '--approve <n>',
        'approve a version the monitoring loop left awaiting approval: moves @champion to it and records who approved (CHAMPION_USER, else the OS user)',
      )
      .option('--data <file>', 'held-out rows (with the target column) to compare on')
      .option('--force', 'move @champion even if the gate refuses (recorded in the version tags)')
      .option('--min-auc <auc>', 'floor: ROC AUC at least', parseNumber, 0.6)
      .option('--margin <delta>', 'ROC AUC improvement over the champion required', parseNumber, 0)
      // Unset: the rules the version's training recorded.
      .addOption(fairnessRuleOption('max-equalized-odds-diff <d>'))
      .addOption(fairnessRuleOption('max-demographic-parity-diff <d>'))
      .addOption(fairnessRuleOption('min-demographic-parity-ratio <r>'))
      .action(async (_flags: PromoteFlags, command: Command) => {
        const flags = command.optsWithGlobals<PromoteFlags & GlobalOptions>();
        if (flags.approve !== undefined) {
          if (flags.version !== undefined || flags.data !== undefined || flags.force === true)
            command.error(
              'error: --approve VERSION takes no --version, --data or --force: the gate already compared it',
            );
          return approve(context, { ...flags, approve: flags.approve });
        }
        if (flags.version === undefined)
          command.error('error: promote needs --version <n> (or --approve <n>)');
        const version = flags.version;
        const { promoteVersion } = await import('@champion/trainer');
        const decision = await withTracking(
          { env: process.env, logger: context.logger },
          ({ client }) =>
            promoteVersion({
              client,
              name: flags.name,
              version,
              data: flags.data,
              force: flags.force,
              gate: {
                primaryMetric: 'roc_auc',
                margin: flags.margin,
                floors: flags.data ? { roc_auc: flags.minAuc } : {},
                fairness: {
                  maxEqualizedOddsDiff: flags.maxEqualizedOddsDiff,
                  maxDemographicParityDiff: flags.maxDemographicParityDiff,
                  minDemographicParityRatio: flags.minDemographicParityRatio,
                },
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
