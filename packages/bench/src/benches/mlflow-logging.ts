/**
 * mlflow-js-client vs MLflow's Python client, same server, same work: N runs, each with M
 * metrics at S steps, logged in one batch, then terminated. Wall time of the whole loop.
 */
import { join } from 'node:path';
import { MlflowClient } from 'mlflow-js-client';
import { runPython, type BenchContext } from '../context.js';
import type { BenchReport } from '../report.js';

export async function benchMlflowLogging(ctx: BenchContext): Promise<BenchReport> {
  const runs = Math.max(10, Math.round(100 * ctx.scale));
  const metrics = 20;
  const steps = 10;
  const what = `log ${runs} runs x ${metrics} metrics x ${steps} steps`;
  const suffix = `${Date.now()}-${process.pid}`;

  ctx.progress(`mlflow-logging: ${what} with MLflow's Python client`);
  const peer = await runPython<{ seconds: number }>({
    python: ctx.python,
    args: [
      join(ctx.repoRoot, 'packages/bench/python/log_runs.py'),
      ctx.trackingUri,
      `bench-py-${suffix}`,
      String(runs),
      String(metrics),
      String(steps),
    ],
  });

  ctx.progress(`mlflow-logging: ${what} with mlflow-js-client`);
  const client = new MlflowClient({ trackingUri: ctx.trackingUri });
  const experimentId = await client.experiments.create({ name: `bench-js-${suffix}` });
  const start = performance.now();
  for (let r = 0; r < runs; r++) {
    const run = await client.runs.create({ experimentId, runName: `run-${r}` });
    const now = Date.now();
    const points = [];
    for (let m = 0; m < metrics; m++) {
      for (let s = 0; s < steps; s++)
        points.push({ key: `metric_${m}`, value: m * steps + s, step: s, timestamp: now });
    }
    await client.runs.logBatch(run.info.run_id, { metrics: points });
    await client.runs.finish(run.info.run_id);
  }
  const ours = (performance.now() - start) / 1000;
  await client.close();

  return {
    bench: 'mlflow-logging',
    measurements: [
      {
        what,
        unit: 's',
        ours,
        peer: peer.seconds,
        peerName: 'mlflow (python client)',
        better: 'lower',
      },
    ],
  };
}
