/**
 * `champion monitor labels --file labels.csv [--store URI]`: true labels for served records from
 * a CSV file (columns request_id,label), stored as POST /feedback stores them (the same rule:
 * @champion/inference-store's addLabels). A malformed row stops the command naming its line;
 * labels for unknown request ids or outside the model's classes are counted and named.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import type { LabelItem, LabelOutcome } from '@champion/inference-store';
import type { CommandModule, GlobalOptions } from './types.js';
import { monitorGroup } from './monitor.js';

interface LabelsFlags {
  file: string;
  store?: string;
}

/** Labels sent to the store at once. */
const CHUNK = 10_000;
/** Unknown ids / invalid labels shown in the text output. */
const SHOWN = 10;

function badFile(message: string): Error {
  return new Error(`${message} (expected a CSV file with a header row request_id,label).`);
}

/** The file's label items, a chunk at a time; throws naming the line of a bad row. */
async function* labelChunks(file: string): AsyncGenerator<LabelItem[]> {
  const { labelItemSchema } = await import('@champion/inference-store');
  await access(file).catch(() => {
    throw new Error(`cannot read ${file}: file not found: check the --file path.`);
  });
  const parser = createReadStream(file).pipe(
    parse({ columns: true, skip_empty_lines: true, bom: true, trim: true, info: true }),
  );
  let chunk: LabelItem[] = [];
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (!('request_id' in record) || !('label' in record))
      throw badFile(`${file}: the header has no request_id or no label column`);
    const parsed = labelItemSchema.safeParse({
      request_id: record['request_id'],
      label: record['label'],
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badFile(
        `${file}, line ${info.lines}: ${String(issue?.path[0] ?? 'row')}: ${issue?.message ?? 'invalid'}`,
      );
    }
    chunk.push(parsed.data);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

interface Totals {
  rows: number;
  accepted: number;
  unknown: string[];
  invalid: LabelOutcome['invalid'][number][];
}

function summary(file: string, location: string, t: Totals): string {
  const lines = [`${file}: ${t.accepted} of ${t.rows} labels stored in ${location}`];
  if (t.unknown.length > 0)
    lines.push(
      `  ${t.unknown.length} for unknown request ids (no served record): ${t.unknown.slice(0, SHOWN).join(', ')}${t.unknown.length > SHOWN ? ', …' : ''}`,
    );
  for (const v of t.invalid.slice(0, SHOWN)) lines.push(`  ${v.requestId}: ${v.problem}`);
  if (t.invalid.length > SHOWN)
    lines.push(`  … and ${t.invalid.length - SHOWN} more invalid labels`);
  return lines.join('\n');
}

async function storeLabels(flags: LabelsFlags): Promise<{ totals: Totals; location: string }> {
  const { openInferenceStore } = await import('@champion/inference-store');
  const setting = flags.store ?? process.env['CHAMPION_INFERENCE_STORE'];
  const store = await openInferenceStore(setting === undefined ? {} : { setting });
  const totals: Totals = { rows: 0, accepted: 0, unknown: [], invalid: [] };
  try {
    for await (const chunk of labelChunks(flags.file)) {
      const outcome = await store.addLabels(chunk);
      totals.rows += chunk.length;
      totals.accepted += outcome.accepted;
      totals.unknown.push(...outcome.unknown);
      totals.invalid.push(...outcome.invalid);
    }
  } finally {
    await store.close();
  }
  return { totals, location: store.location };
}

/** Adds `labels` to the `monitor` group. */
export const monitorLabelsCommand: CommandModule = {
  register(program, context) {
    monitorGroup(program)
      .command('labels')
      .description(
        'Store true labels for served records from a CSV file (columns request_id,label), as POST /feedback does',
      )
      .requiredOption('--file <labels.csv>', 'CSV file with a header row request_id,label')
      .option(
        '--store <dir|uri>',
        'the inference store (default: CHAMPION_INFERENCE_STORE, else .champion/inference-log)',
      )
      .action(async (_flags: LabelsFlags, command: Command) => {
        const flags = command.optsWithGlobals<LabelsFlags & GlobalOptions>();
        const { totals, location } = await storeLabels(flags);
        if (totals.rows === 0) throw badFile(`${flags.file} holds no label rows`);
        context.output.result({
          json: flags.json === true,
          text: summary(flags.file, location, totals),
          data: {
            event: 'labels',
            file: flags.file,
            store: location,
            rows: totals.rows,
            accepted: totals.accepted,
            unknown: totals.unknown,
            invalid: totals.invalid.map((v) => ({ request_id: v.requestId, problem: v.problem })),
          },
        });
        // Nothing stored is a failure a script must see; a partial store is not.
        if (totals.accepted === 0) process.exitCode = 1;
      });
  },
};
