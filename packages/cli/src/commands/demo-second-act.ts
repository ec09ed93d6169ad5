/**
 * The demo's second act, after the champion is served: drifted traffic with its labels
 * (`champion simulate`), one monitoring turn (`champion monitor run`: drift, performance, a
 * monitoring run in MLflow, retraining when the policy fires) and the service swapping to the new
 * champion — the production loop in a minute, all of it visible in the MLflow UI.
 */
import type { MonitorResult } from '@champion/monitor';
import type { RunningServer, ServedModel, ServingConfig } from '@champion/serving';
import type { MlflowClient } from 'mlflow-js-client';
import type { CliContext } from '../context.js';
import { createProgress } from './progress.js';

/** Applicants a year later: older, richer, more indebted, renting more often. */
export const DEMO_DRIFT = [
  'age*1.3',
  'income*1.5',
  'debt_ratio*1.4',
  'credit_utilisation*1.4',
  'loan_amount*1.6',
  'interest_rate*1.3',
  'monthly_payment*1.6',
  'credit_history_months*1.4',
  'employment_years+6',
  'num_open_accounts+5',
  'loan_term_months+12',
  'months_since_last_delinquency+12',
  'home_ownership=rent@0.8',
].join(',');

const DEMO_TRAFFIC_ROWS = 3000;

export interface SecondActOptions {
  readonly context: CliContext;
  readonly json: boolean;
  readonly client: MlflowClient;
  readonly service: RunningServer;
  /** The service's config: where it stores what it served, and how often it writes. */
  readonly config: Pick<ServingConfig, 'inferenceStore' | 'inferenceFlushMs'>;
  readonly name: string;
  /** The demo's CSV: the traffic is drawn from it, then drifted. */
  readonly data: string;
  readonly signal: AbortSignal;
}

/** Resolves with the model serving once it is `version` (or the current one after `ms`). */
function servingVersion(service: RunningServer, version: string, ms: number): Promise<ServedModel> {
  return new Promise((resolve) => {
    const now = service.host.current();
    if (now?.version === version) return resolve(now);
    const timer = setTimeout(() => resolve(service.host.current() as ServedModel), ms);
    service.host.onSwap((next) => {
      if (next.version !== version) return;
      clearTimeout(timer);
      resolve(next);
    });
  });
}

function turnText(result: MonitorResult): string {
  const { window, drift, decision } = result;
  return [
    `monitoring: ${window.rows} served records, ${window.labelled} labelled; drift share ${drift?.share.toFixed(2) ?? '-'}${drift?.drifted === true ? ' (drifted)' : ''}`,
    `decision: ${decision.action}${decision.version === null ? '' : ` (v${decision.version})`}`,
    ...decision.reasons.map((reason) => `  ${reason}`),
  ].join('\n');
}

export async function secondAct(options: SecondActOptions): Promise<void> {
  const { context, json, client, service, name } = options;
  const { simulate, runMonitor, createLoopPorts, policySchema } = await import('@champion/monitor');
  const progress = createProgress({ json });
  const sent = await simulate({
    name,
    url: service.url,
    data: options.data,
    target: 'default',
    rows: DEMO_TRAFFIC_ROWS,
    drift: DEMO_DRIFT,
    seed: 11,
    onProgress: (p) => progress.update(`simulate: ${p.phase} ${p.done}/${p.total}`),
  }).finally(() => progress.done());
  context.output.result({
    json,
    text: `\nsimulated ${DEMO_TRAFFIC_ROWS} drifted applications and their repayment labels`,
    data: { event: 'simulated', rows: DEMO_TRAFFIC_ROWS, ok: sent.ok },
  });
  // What the service answered reaches the store within one flush interval.
  await new Promise((resolve) => setTimeout(resolve, options.config.inferenceFlushMs + 500));
  const policy = policySchema.parse({ retrain: { candidates: 2, timeBudgetSeconds: 120 } });
  const monitorProgress = createProgress({ json });
  const result = await runMonitor({
    client,
    name,
    policy,
    ports: createLoopPorts({
      name,
      env: { ...process.env, CHAMPION_INFERENCE_STORE: options.config.inferenceStore },
      client,
      minLabels: policy.performance?.minLabels,
    }),
    signal: options.signal,
    onEvent: (e) => monitorProgress.update(`${e.stage}: ${e.message}`),
  }).finally(() => monitorProgress.done());
  context.output.result({ json, text: turnText(result), data: { event: 'monitored', ...result } });
  if (result.decision.action !== 'retrained-promoted' || result.decision.version === null) return;
  const now = await servingVersion(service, result.decision.version, 60_000);
  context.output.result({
    json,
    text: `serving ${now.name} version ${now.version} now (hot swap, no restart)`,
    data: { event: 'swapped', version: now.version },
  });
}
