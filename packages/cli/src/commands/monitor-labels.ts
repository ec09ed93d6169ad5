/**
 * `champion monitor labels --file labels.csv [--store URI]`: true labels for served records from
 * a CSV or Parquet file (columns request_id,label) read by @champion/tabular's reading rules,
 * stored as POST /feedback stores them (the same rule: @champion/inference-store's addLabels).
 * A malformed row stops the command naming its row; labels for unknown request ids or outside
 * the model's classes are counted and named.
 */
import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import type { LabelItem, LabelOutcome, labelItemSchema } from '@champion/inference-store';
import {
  cellText,
  openSource,
  readSourceChunks,
  type Column,
  type TableChunk,
} from '@champion/tabular';
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
  return new Error(
    `${message} (expected a CSV or Parquet file with columns request_id and label).`,
  );
}

/** The label items of one chunk; throws naming the data row of the first bad one. */
function chunkItems(options: {
  file: string;
  chunk: TableChunk;
  check: typeof labelItemSchema;
}): LabelItem[] {
  const { file, chunk, check } = options;
  const column = (name: string): Column =>
    chunk.table.columns.find((c) => c.name === name) as Column;
  const [ids, labels] = [column('request_id'), column('label')];
  const items: LabelItem[] = [];
  for (let i = 0; i < chunk.table.rowCount; i++) {
    const parsed = check.safeParse({ request_id: cellText(ids, i), label: cellText(labels, i) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badFile(
        `${file}, row ${chunk.rowNumbers[i]} (data rows counted from 1, header excluded): ${String(issue?.path[0] ?? 'row')}: ${issue?.message ?? 'invalid'}`,
      );
    }
    items.push(parsed.data);
  }
  return items;
}

/**
 * The file's label items, a chunk at a time, read by @champion/tabular's reading rules (CSV or
 * Parquet). Every column is read as text, exactly as written (a label `1` stays the text `1`
 * and matches the class `1`; no token is read as missing but an empty field). Throws naming the
 * data row (counted from 1, header excluded) of a bad row.
 */
async function* labelChunks(file: string): AsyncGenerator<LabelItem[]> {
  const { labelItemSchema } = await import('@champion/inference-store');
  await access(file).catch(() => {
    throw new Error(`cannot read ${file}: file not found: check the --file path.`);
  });
  const source = await openSource(file);
  try {
    const { header } = source;
    if (!header.includes('request_id') || !header.includes('label'))
      throw badFile(`${file}: the header has no request_id or no label column`);
    const chunks = readSourceChunks(source, { categorical: header, missing: [], chunkRows: CHUNK });
    for await (const chunk of chunks) yield chunkItems({ file, chunk, check: labelItemSchema });
  } finally {
    await source.close();
  }
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
        'Store true labels for served records from a CSV or Parquet file (columns request_id,label), as POST /feedback does',
      )
      .requiredOption(
        '--file <labels.csv>',
        'CSV (header row request_id,label) or Parquet (.parquet) file; values read as text',
      )
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
