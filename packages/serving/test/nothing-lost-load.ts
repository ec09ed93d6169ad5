/**
 * The load of the "nothing lost" acceptance test: `concurrency` loops POSTing to /predict
 * (spread over several service URLs), alternating one record sent as an object and a batch of
 * three, and keeping the request id of every record a 2xx answer carried, with when it arrived.
 */

/** One record a service answered 2xx for. */
export interface Answered {
  readonly requestId: string;
  /** The service that answered. */
  readonly url: string;
  /** performance.now() when the answer arrived. */
  readonly at: number;
}

export interface LoadOutcome {
  readonly answered: Answered[];
  requests: number;
  /** Non-2xx answers and network errors (expected only after a kill). */
  failures: number;
  readonly firstFailures: string[];
}

async function once(url: string, body: string): Promise<{ ids: string[] } | { failure: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299)
      return { failure: `${res.status} ${text.slice(0, 200)}` };
    const parsed = JSON.parse(text) as { request_id: string } | { request_id: string }[];
    return { ids: (Array.isArray(parsed) ? parsed : [parsed]).map((p) => p.request_id) };
  } catch (error) {
    return {
      failure: error instanceof Error ? `${error.message} ${String(error.cause)}` : 'error',
    };
  }
}

export async function loadWithIds(options: {
  urls: readonly string[];
  record: unknown;
  concurrency: number;
  durationMs: number;
  /** Stop early once this resolves. */
  stop?: Promise<unknown>;
}): Promise<LoadOutcome> {
  const end = performance.now() + options.durationMs;
  let stopped = false;
  void options.stop?.then(() => (stopped = true));
  const single = JSON.stringify(options.record);
  const batch = JSON.stringify([options.record, options.record, options.record]);
  const outcome: LoadOutcome = { answered: [], requests: 0, failures: 0, firstFailures: [] };
  const loop = async (worker: number): Promise<void> => {
    const base = options.urls[worker % options.urls.length] ?? '';
    const url = `${base}/predict`;
    for (let i = 0; !stopped && performance.now() < end; i++) {
      const result = await once(url, i % 2 === 0 ? single : batch);
      outcome.requests++;
      if ('ids' in result) {
        const at = performance.now();
        for (const requestId of result.ids) outcome.answered.push({ requestId, url: base, at });
      } else {
        outcome.failures++;
        if (outcome.firstFailures.length < 5) outcome.firstFailures.push(result.failure);
        // A dead service refuses at once: do not spin.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => loop(w)));
  return outcome;
}
