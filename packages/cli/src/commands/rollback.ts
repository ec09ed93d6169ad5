import type { Command } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { withTracking } from '../services/tracking.js';

interface RollbackFlags {
  name: string;
}

/** `champion rollback`: move `@champion` back to `@previous` (recorded on both versions). */
export const rollbackCommand: CommandModule = {
  register(program, context) {
    program
      .command('rollback')
      .description('Move @champion back to @previous, the version the last promotion replaced')
      .requiredOption('--name <model>', 'registered model name')
      .action(async (_flags: RollbackFlags, command: Command) => {
        const flags = command.optsWithGlobals<RollbackFlags & GlobalOptions>();
        const { rollbackChampion } = await import('@champion/trainer');
        const moved = await withTracking(
          { env: process.env, logger: context.logger },
          ({ client }) =>
            rollbackChampion({ client, name: flags.name, actor: process.env['CHAMPION_USER'] }),
        );
        context.output.result({
          json: flags.json === true,
          text: `${flags.name}: @champion moved back from v${moved.from} to v${moved.to}; serving swaps at its next poll`,
          data: { event: 'rollback', name: flags.name, from: moved.from, to: moved.to },
        });
      });
  },
};
