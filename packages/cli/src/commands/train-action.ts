/**
 * What `champion train` does once its flags are parsed: validate them with the schema the control
 * service shares, check the data file, train against MLflow with progress (and `--events`), and
 * print the summary.
 */
import { openSource } from '@champion/tabular';
import type {
  GateConfig,
  LearnerName,
  TrainEvent,
  TrainOptions,
  TrainRequest,
} from '@champion/trainer';
import type { CliContext } from '../context.js';
import type { GlobalOptions } from './types.js';
import { createProgress } from './progress.js';
import { summaryText, trainedData } from './train-summary.js';
import { withTracking } from '../services/tracking.js';

export interface TrainFlags extends GlobalOptions {
  data: string;
  /** With --json: each progress event as a JSON line on stdout before the result. */
  events?: boolean;
}

/** The trainer's options for a validated request, without the MLflow client and the hooks. */
function trainOptionsOf(options: {
  readonly flags: TrainFlags;
  readonly request: TrainRequest;
  readonly name: string;
  readonly candidates: number;
  readonly gate: GateConfig;
}): Omit<TrainOptions, 'client' | 'onEvent' | 'signal'> {
  const { flags, request, name, candidates, gate } = options;
  return {
    name,
    experiment: request.experiment,
    data: {
      path: flags.data,
      target: request.target,
      positive: request.positive,
      idColumns: request.idCols,
      exclude: request.exclude,
      categorical: request.categorical,
      onBadRows: request.setAsideBadRows ? 'set-aside' : 'reject',
      seed: request.seed,
    },
    learners: request.learners as LearnerName[],
    candidates,
    timeBudgetSeconds: request.timeBudget,
    folds: request.folds,
    thresholdFor: request.thresholdFor,
    costs: { falseNegative: request.costFn, falsePositive: request.costFp },
    gate,
    sensitive: request.sensitive,
    register: request.register,
    allowSchemaChange: request.allowSchemaChange === true,
    exampleRows: request.exampleRows,
    command: `champion ${process.argv.slice(2).join(' ')}`.slice(0, 500),
  };
}

/** `champion train`'s action. */
export async function runTrain(flags: TrainFlags, context: CliContext): Promise<void> {
  const json = flags.json === true;
  // The trainer is loaded when a command needs it, not at every CLI start-up.
  const {
    checkTrainOptions,
    defaultModelName,
    parseTrainRequest,
    SEARCH_CANDIDATES,
    train,
    trainRequestGate,
  } = await import('@champion/trainer');
  // The same schema the control service validates `POST /jobs/train` with.
  const request = parseTrainRequest(flags);
  const trainOptions = trainOptionsOf({
    flags,
    request,
    name: request.name ?? defaultModelName(flags.data),
    candidates: request.candidates ?? SEARCH_CANDIDATES[request.search],
    gate: trainRequestGate(request),
  });
  checkTrainOptions({ ...trainOptions, data: { target: request.target } });
  // A missing, empty or unreadable file fails now, not after MLflow has started.
  await openSource(flags.data);
  const progress = createProgress({ json });
  const onEvent = (e: TrainEvent): void => {
    if (json && flags.events === true)
      context.output.result({ json, text: '', data: { event: 'progress', ...e } });
    progress.update(`${e.stage}: ${e.message}`);
  };
  // Ctrl-C ends the run KILLED (between candidates) instead of leaving it RUNNING.
  const abort = new AbortController();
  void context.shutdownSignal().then((signal) => abort.abort(signal));
  const { uri, result } = await withTracking(
    { env: process.env, logger: context.logger },
    async (tracking) => {
      try {
        const summary = await train({
          ...trainOptions,
          client: tracking.client,
          onEvent,
          signal: abort.signal,
        });
        return { uri: tracking.uri, result: summary };
      } finally {
        progress.done();
      }
    },
  );
  context.output.result({ json, text: summaryText(result, uri), data: trainedData(result, uri) });
}
