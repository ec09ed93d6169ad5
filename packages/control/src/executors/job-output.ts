/**
 * Reading a `champion --json` process's output: stdout is one JSON object per line (progress
 * events with `--events`, then the result); stderr is JSON log lines, whose last error says why
 * the process failed. The same reader serves child processes and pod logs.
 */

/** Splits text into lines as it arrives; `flush` returns a last line without a newline. */
export class LineSplitter {
  #rest = '';

  push(chunk: string): string[] {
    const text = this.#rest + chunk;
    const lines = text.split('\n');
    this.#rest = lines.pop() ?? '';
    return lines.filter((l) => l.trim() !== '');
  }

  flush(): string[] {
    const rest = this.#rest;
    this.#rest = '';
    return rest.trim() === '' ? [] : [rest];
  }
}

/** The JSON object a stdout line holds, or undefined for anything else (a stray print). */
export function jsonObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A pod log interleaves stdout and stderr: a JSON log line (winston's `level` and `message`) is
 * stderr's, any other JSON object is an event or result from stdout.
 */
export function isLogLine(object: Readonly<Record<string, unknown>>): boolean {
  return typeof object['level'] === 'string' && typeof object['message'] === 'string';
}

/** Keeps what a failing process said last: its error log line's message, else its last lines. */
export class ErrorTail {
  #lastError: string | undefined;
  readonly #tail: string[] = [];

  push(line: string): void {
    const log = jsonObject(line);
    if (log !== undefined && isLogLine(log)) {
      if (log['level'] === 'error') this.#lastError = String(log['message']);
      return;
    }
    this.#tail.push(line);
    if (this.#tail.length > 5) this.#tail.shift();
  }

  text(): string | undefined {
    const text = this.#lastError ?? this.#tail.join('\n');
    return text === '' ? undefined : text.slice(0, 5000);
  }
}
