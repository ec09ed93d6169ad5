import type { Command } from 'commander';
import type { Finding } from '@champion/trainer';
import type { CommandModule, GlobalOptions } from './types.js';
import { parsePositiveInt } from './options.js';
import { formatTable } from './table.js';
import { withTracking } from '../services/tracking.js';

interface DoctorFlags {
  repair?: boolean;
  name?: string;
  experiment?: string;
  staleMinutes: number;
}

function text(findings: readonly Finding[], repair: boolean): string {
  if (findings.length === 0) return 'nothing to repair: no orphaned runs, every version settled';
  const table = formatTable(
    ['kind', 'subject', 'problem', repair ? 'repaired' : 'fix (with --repair)'],
    findings.map((f) => [
      f.kind,
      f.subject,
      f.problem,
      repair ? (f.repaired ? 'yes' : 'no') : f.fix,
    ]),
  );
  return repair ? table : `${table}\nrun again with --repair to apply the fixes`;
}

/**
 * `champion doctor`: what killed trainings left in MLflow (RUNNING runs without a process,
 * unsettled gate decisions, `@challenger` on unfinished runs, stale promotion leases); reports
 * them, and settles them with --repair. Exit 3 when it found problems it did not repair.
 */
export const doctorCommand: CommandModule = {
  register(program, context) {
    program
      .command('doctor')
      .description(
        'Find runs left RUNNING by killed trainings and unsettled promotion records; --repair fixes them',
      )
      .option('--repair', 'apply the fixes (without it, only report)')
      .option('--name <model>', 'only this registered model and its experiments')
      .option('--experiment <name>', 'also check this experiment (trainings run with --experiment)')
      .option(
        '--stale-minutes <n>',
        'a RUNNING run of another host is orphaned after this long without a heartbeat',
        parsePositiveInt,
        30,
      )
      .action(async (_flags: DoctorFlags, command: Command) => {
        const flags = command.optsWithGlobals<DoctorFlags & GlobalOptions>();
        const repair = flags.repair === true;
        const { doctor } = await import('@champion/trainer');
        const report = await withTracking(
          { env: process.env, logger: context.logger },
          async ({ client }) => {
            const extra = flags.experiment
              ? await client.experiments.findByName(flags.experiment)
              : undefined;
            return doctor(client, {
              name: flags.name,
              experimentIds: extra ? [extra.experiment_id] : [],
              repair,
              staleMs: flags.staleMinutes * 60_000,
            });
          },
        );
        for (const f of report.findings) {
          context.logger.warn(`doctor: ${f.subject}: ${f.problem}`, {
            kind: f.kind,
            repaired: f.repaired,
          });
        }
        context.output.result({
          json: flags.json === true,
          text: text(report.findings, repair),
          data: {
            event: 'doctor',
            repair,
            models: report.models,
            experimentIds: report.experimentIds,
            findings: report.findings,
          },
        });
        if (report.findings.some((f) => !f.repaired)) process.exitCode = 3;
      });
  },
};
