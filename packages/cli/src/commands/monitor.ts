/**
 * `champion monitor`: the monitoring commands. Each subcommand lives in its own file and adds
 * itself to this group.
 */
import { addMonitorDrift } from './monitor-drift.js';
import type { CommandModule } from './types.js';

/** `champion monitor …`. */
export const monitorCommand: CommandModule = {
  register(program, context) {
    const monitor = program
      .command('monitor')
      .description('Monitoring: drift, labels, the retraining loop');
    addMonitorDrift(monitor, context);
  },
};
