import type { MlflowClient } from 'mlflow-js-client';
import { doctor, type Finding } from '../doctor/index.js';
import type { TrainEvent } from './train.js';

/**
 * Settles what an earlier, killed training of this model left (orphaned runs, unsettled gate
 * records) before a new run starts. A failing check does not stop training: it is reported.
 */
export async function repairLeftovers(options: {
  client: MlflowClient;
  name: string;
  experimentId: string;
  emit: (event: TrainEvent) => void;
}): Promise<readonly Finding[]> {
  let findings: readonly Finding[];
  try {
    ({ findings } = await doctor(options.client, {
      name: options.name,
      experimentIds: [options.experimentId],
      followVersions: false,
      repair: true,
    }));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    options.emit({ stage: 'repair', message: `could not check earlier trainings: ${why}` });
    return [];
  }
  for (const f of findings)
    options.emit({ stage: 'repair', message: `${f.subject}: ${f.problem}; ${f.fix}` });
  return findings;
}
