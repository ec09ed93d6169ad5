import type { Command } from 'commander';
import { writeSynthCsv } from '@champion/tabular';
import type { CommandModule, GlobalOptions } from './types.js';
import { parsePositiveInt } from './options.js';
import { createProgress } from './progress.js';

interface SynthFlags {
  rows: number;
  out: string;
  seed: number;
}

/** `champion data synth`: the seeded synthetic credit-default data set (the demo's data). */
export const dataCommand: CommandModule = {
  register(program, context) {
    const data = program.command('data').description('Data utilities');
    data
      .command('synth')
      .description(
        'Write a seeded synthetic credit-default CSV (30 features, target `default`, id `id`)',
      )
      .option('--rows <n>', 'rows to write', parsePositiveInt, 20000)
      .requiredOption('--out <file>', 'CSV file to write')
      .option('--seed <n>', 'random seed', parsePositiveInt, 7)
      .action(async (_flags: SynthFlags, command: Command) => {
        const flags = command.optsWithGlobals<SynthFlags & GlobalOptions>();
        const json = flags.json === true;
        const progress = createProgress({ json });
        const started = performance.now();
        await writeSynthCsv({
          rows: flags.rows,
          seed: flags.seed,
          out: flags.out,
          onProgress: (written: number) =>
            progress.update(
              `synth: ${written.toLocaleString('en')} / ${flags.rows.toLocaleString('en')} rows`,
            ),
        });
        progress.done();
        const seconds = (performance.now() - started) / 1000;
        context.output.result({
          json,
          text: `wrote ${flags.rows} rows to ${flags.out} in ${seconds.toFixed(1)}s`,
          data: {
            event: 'synthesized',
            rows: flags.rows,
            out: flags.out,
            seed: flags.seed,
            seconds,
          },
        });
      });
  },
};
