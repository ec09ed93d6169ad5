/**
 * Labels in a directory store: `labels-YYYY-MM-DD-NNNN.jsonl` beside the record segments, one
 * JSON line per label, appended in one write per batch of labels (O_APPEND, so the serving
 * process and `champion monitor labels` may both append). Read back into a map, later lines
 * winning. Label files are small and are not subject to retention.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { storedLabelSchema, type StoredLabel } from '../labels.js';
import { listLogFiles, logFileName, utcDay } from './file-naming.js';
import { segmentLines } from './segment-lines.js';

export const LABEL_PREFIX = 'labels';

/** Appends `labels` to today's label file. */
export async function appendLabels(dir: string, labels: readonly StoredLabel[]): Promise<void> {
  if (labels.length === 0) return;
  const text = labels
    .map(
      (l) =>
        `${JSON.stringify({ time: l.time.toISOString(), request_id: l.requestId, label: l.label })}\n`,
    )
    .join('');
  await mkdir(dir, { recursive: true });
  const day = utcDay(labels[0]?.time ?? new Date());
  await appendFile(join(dir, logFileName({ prefix: LABEL_PREFIX, day, seq: 1 })), text);
}

/** Every stored label, by request id (the latest wins); bad lines are counted, not fatal. */
export async function readLabels(
  dir: string,
  onProblem: (where: string, problem: string) => void = () => undefined,
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const file of await listLogFiles({ dir, prefix: LABEL_PREFIX })) {
    for await (const lines of segmentLines(join(dir, file.name))) {
      for (const line of lines) {
        if (!line.complete) continue;
        const parsed = parseLine(line.text);
        if (parsed === undefined) onProblem(`${file.name}:${line.number}`, 'not a label line');
        else labels.set(parsed.request_id, parsed.label);
      }
    }
  }
  return labels;
}

function parseLine(text: string): { request_id: string; label: string } | undefined {
  try {
    const result = storedLabelSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
