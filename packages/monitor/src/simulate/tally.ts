/** Counts of requests sent and how they ended: every failure is counted and kept by kind. */

/** Failures of one kind (HTTP status, or null for no answer), with the first message. */
export interface FailureGroup {
  readonly status: number | null;
  readonly count: number;
  readonly example: string;
}

export interface RequestCounts {
  readonly requests: number;
  /** Requests answered 2xx with the expected body. */
  readonly ok: number;
  readonly failed: number;
  readonly rowsOk: number;
  readonly rowsFailed: number;
  readonly failures: readonly FailureGroup[];
}

export class Tally {
  #ok = 0;
  #rowsOk = 0;
  #rowsFailed = 0;
  readonly #failures = new Map<string, { status: number | null; count: number; example: string }>();

  succeeded(rows: number): void {
    this.#ok++;
    this.#rowsOk += rows;
  }

  failed(rows: number, failure: { status: number | null; problem: string }): void {
    this.#rowsFailed += rows;
    const key = String(failure.status);
    const group = this.#failures.get(key);
    if (group === undefined)
      this.#failures.set(key, { status: failure.status, count: 1, example: failure.problem });
    else group.count++;
  }

  counts(): RequestCounts {
    const failures = [...this.#failures.values()];
    const failed = failures.reduce((sum, f) => sum + f.count, 0);
    return {
      requests: this.#ok + failed,
      ok: this.#ok,
      failed,
      rowsOk: this.#rowsOk,
      rowsFailed: this.#rowsFailed,
      failures,
    };
  }
}
