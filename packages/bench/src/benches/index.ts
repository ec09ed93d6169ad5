import type { BenchContext } from '../context.js';
import type { BenchReport } from '../report.js';
import { benchExplain } from './explain.js';
import { benchLearners } from './learners.js';
import { benchMlflowLogging } from './mlflow-logging.js';
import { benchMonitor } from './monitor.js';
import { benchScore } from './score.js';
import { benchScore10m } from './score-10m.js';
import { benchServing } from './serving.js';

export interface Bench {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<BenchReport>;
}

/** Every benchmark `pnpm bench` knows, in the order it runs them. */
export const BENCHES: readonly Bench[] = [
  {
    name: 'mlflow-logging',
    description: 'log runs/metrics: mlflow-js-client vs MLflow Python client',
    run: benchMlflowLogging,
  },
  {
    name: 'learners',
    description:
      'GBDT vs LightGBM, logistic regression vs scikit-learn: AUC on real data, GBDT speed on 1M rows',
    run: benchLearners,
  },
  {
    name: 'serving',
    description:
      'champion serve vs mlflow models serve (and a bare express ceiling): throughput, latency, RSS',
    run: benchServing,
  },
  {
    name: 'score',
    description:
      'champion score vs mlflow models predict and pyfunc + pandas on a 1M-row CSV: rows/s, peak RSS',
    run: benchScore,
  },
  {
    name: 'explain',
    description:
      'champion score with and without --explain top3 (TreeSHAP per row) on 20k rows: rows/s',
    run: benchExplain,
  },
  {
    name: 'score-10m',
    description:
      'champion score on 10M synthetic rows: peak RSS, output row count, a 1,000-row sample vs POST /predict',
    run: benchScore10m,
  },
  {
    name: 'monitor',
    description:
      'champion monitor drift vs Evidently 0.7 DataDriftPreset, 1M vs 1M rows x 30 features: time, peak RSS',
    run: benchMonitor,
  },
];
