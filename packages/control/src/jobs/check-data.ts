/**
 * The checks a training's data passes before a job is queued, so a request that cannot train
 * costs nothing and leaves no job: the file opens with @champion/tabular's readers (CSV or
 * Parquet, its reading rules), has at least one data row, and has the target column and every
 * column the options name. Values are checked by the training itself (with row numbers).
 */
import { openSource, TabularError } from '@champion/tabular';
import type { TrainRequest } from '@champion/trainer';
import { ControlError, type ProblemDetail } from '../errors.js';

function named(request: TrainRequest): { path: string; column: string }[] {
  const lists = [
    ['id-cols', request.idCols],
    ['exclude', request.exclude],
    ['categorical', request.categorical],
    ['sensitive', request.sensitive],
  ] as const;
  return [
    { path: 'target', column: request.target },
    ...lists.flatMap(([path, columns]) => (columns ?? []).map((column) => ({ path, column }))),
  ];
}

async function hasDataRow(
  batches: AsyncIterable<{ fields: readonly unknown[] }>,
): Promise<boolean> {
  for await (const batch of batches) if (batch.fields.length > 0) return true;
  return false;
}

/** Throws ControlError INVALID_DATA naming the problem; `what` is how the client named the data. */
export async function checkTrainingData(options: {
  path: string;
  what: string;
  request: TrainRequest;
}): Promise<void> {
  const { path, what, request } = options;
  let source;
  try {
    source = await openSource(path);
  } catch (error) {
    if (!(error instanceof TabularError)) throw error;
    const message = error.message.split(path).join(what);
    throw new ControlError({
      code: 'INVALID_DATA',
      message: `The data cannot be read: ${message}`,
      cause: error,
    });
  }
  try {
    const header = new Set(source.header);
    const missing = named(request).filter(({ column }) => !header.has(column));
    if (missing.length > 0) {
      const details: ProblemDetail[] = missing.map(({ path: field, column }) => ({
        path: field,
        problem: `column '${column}' is not in the data`,
      }));
      const columns = missing.map(({ column }) => `'${column}'`).join(', ');
      throw new ControlError({
        code: 'INVALID_DATA',
        message: `${what} has no column ${columns}; its columns are ${source.header.slice(0, 50).join(', ')}.`,
        details,
      });
    }
    if (!(await hasDataRow(source.batches()))) {
      throw new ControlError({
        code: 'INVALID_DATA',
        message: `${what} has a header but no data rows.`,
      });
    }
  } catch (error) {
    if (error instanceof TabularError) {
      throw new ControlError({
        code: 'INVALID_DATA',
        message: `The data cannot be read: ${error.message.split(path).join(what)}`,
        cause: error,
      });
    }
    throw error;
  } finally {
    await source.close();
  }
}
