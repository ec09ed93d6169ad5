/**
 * `champion promote --approve`: a person accepts a version the retraining loop left waiting
 * (`awaiting-approval`: it passed the gate in approval mode). `@champion` moves to it under the
 * promotion lease, only if `@champion` is still the version the gate compared it with (else the
 * comparison is stale and must be run again); who approved is recorded on the version.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import { keepPrevious } from '../mlflow/previous-alias.js';
import { whoami } from '../mlflow/run-tags.js';
import { moveChampion } from '../registry/champion-move.js';
import { GATE_TAGS } from '../registry/gate-tags.js';
import type { LeaseTiming } from '../registry/lease.js';

export interface ApproveOptions {
  readonly client: MlflowClient;
  readonly name: string;
  readonly version: string;
  /** Who approves. @default the OS user and host */
  readonly approver?: string | undefined;
  readonly leaseTiming?: Partial<LeaseTiming> | undefined;
}

/** What an approval did. */
export interface ApproveResult {
  readonly version: string;
  /** The version `@champion` pointed at before (now `@previous`). */
  readonly replaced: string | undefined;
  readonly approver: string;
}

function staleComparison(options: ApproveOptions, compared: string, current: string): TrainerError {
  return new TrainerError(
    'GATE',
    `the gate compared '${options.name}' v${options.version} with v${compared || '(none)'}, but @champion is now v${current || '(none)'}: compare again with champion promote --name ${options.name} --version ${options.version} --data FILE`,
  );
}

export async function approveVersion(options: ApproveOptions): Promise<ApproveResult> {
  const { client, name, version } = options;
  const ref = { name, version };
  const tags = new Map((await client.registry.versions.get(ref)).tags.map((t) => [t.key, t.value]));
  const decision = tags.get(GATE_TAGS.decision);
  if (decision !== 'awaiting-approval') {
    throw new TrainerError(
      'CONFIG',
      `'${name}' v${version} is ${decision === undefined ? 'undecided' : `tagged ${decision}`}, not awaiting-approval: only a version the monitoring loop left waiting can be approved (gate another one with champion promote --version ${version} --data FILE)`,
    );
  }
  const approver = options.approver ?? whoami();
  const compared = tags.get(GATE_TAGS.championVersion) ?? '';
  const moved = await moveChampion({
    client,
    name,
    actor: `champion promote --approve of v${version}`,
    leaseTiming: options.leaseTiming,
    target: async (current) => {
      if ((current ?? '') !== compared) throw staleComparison(options, compared, current ?? '');
      const set = (key: string, value: string): Promise<void> =>
        client.registry.versions.setTag(ref, { key, value });
      await set(GATE_TAGS.approvedBy, approver);
      await set(GATE_TAGS.approvedAt, new Date().toISOString());
      await set(GATE_TAGS.replaces, current ?? '');
      await set(GATE_TAGS.decision, 'pending');
      return version;
    },
  });
  await keepPrevious(client, { name, replaced: moved.from });
  await client.registry.versions.setTag(ref, {
    key: GATE_TAGS.promotedAt,
    value: new Date().toISOString(),
  });
  await client.registry.versions.setTag(ref, { key: GATE_TAGS.decision, value: 'promoted' });
  return { version, replaced: moved.from, approver };
}
