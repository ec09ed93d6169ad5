/**
 * The gate's record on a model version, in one place: the keys, the decision values and what
 * each means. Writers (the gate, `champion promote`, `champion doctor --repair`) and readers
 * (`champion models show`, the tests) use these names.
 *
 * Order of writes (so that no state left by a kill is a lie): figures and reasons, then
 * `decision=pending` with `replaces`, then the alias move, then `decision=promoted`. A version is
 * tagged `promoted` (or `forced`) only after `@champion` was read back pointing at it.
 */
export const GATE_TAGS = {
  decision: 'champion.gate.decision',
  reasons: 'champion.gate.reasons',
  by: 'champion.gate.by',
  at: 'champion.gate.at',
  /** The version `@champion` pointed at right before the move ('' when there was none). */
  replaces: 'champion.gate.replaces',
  /** When `@champion` was read back pointing at this version. */
  promotedAt: 'champion.gate.promoted_at',
  /** The version that made this one lose a race (superseded). */
  supersededBy: 'champion.gate.superseded_by',
  /** What `champion doctor --repair` changed, and why. */
  repaired: 'champion.gate.repaired',
  /** The comparison figures are `champion.gate.<figure>`; this is the compared champion. */
  championVersion: 'champion.gate.champion_version',
  /** Who approved an `awaiting-approval` version (`champion promote --approve`), and when. */
  approvedBy: 'champion.approval.by',
  approvedAt: 'champion.approval.at',
  /** On a version `champion rollback` moved `@champion` away from / back to: who, when, why. */
  rolledBack: 'champion.rollback.from',
  restored: 'champion.rollback.to',
} as const;

/** The alias kept on the version `@champion` pointed at before its last move (for rollback). */
export const PREVIOUS_ALIAS = 'previous';

/**
 * - `pending`: the gate decided to promote and is about to move `@champion` (or was killed
 *   doing so; `champion doctor --repair` settles it).
 * - `promoted` / `forced`: `@champion` was read back on this version after the move.
 * - `rejected`: the gate refused it (reasons say which check failed).
 * - `superseded`: it passed against the champion it first saw, but a concurrent promotion made
 *   another version champion first and it did not beat that one, or it lost the promotion lease.
 * - `interrupted`: its training or gate was stopped before a decision took effect.
 * - `awaiting-approval`: it passed the gate in approval mode; `@champion` moves only when a person
 *   approves it (`champion promote --approve`), which then tags it `promoted`.
 */
export type GateDecisionTag =
  | 'pending'
  | 'promoted'
  | 'forced'
  | 'rejected'
  | 'superseded'
  | 'interrupted'
  | 'awaiting-approval';

/** The tag prefix of gate figures (`champion.gate.candidate_roc_auc`, ...). */
export const GATE_FIGURE_PREFIX = 'champion.gate.';
