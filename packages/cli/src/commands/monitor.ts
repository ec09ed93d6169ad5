/**
 * The `champion monitor` command group. Only creates (or finds) the group: each subcommand
 * (`labels`, `drift`, `run`) lives in its own file (monitor-*.ts) and adds itself to it.
 */
import type { Command } from 'commander';

/** The `monitor` group of `program`, created on first use. */
export function monitorGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'monitor') ??
    program
      .command('monitor')
      .description('Watch a served model: labels, drift, performance, the retraining loop')
  );
}
