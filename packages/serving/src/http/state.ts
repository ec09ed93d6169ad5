/** Process-level facts the HTTP layer reports and that shutdown flips. */
export interface ServingState {
  readonly startedAt: Date;
  /**
   * True from the first shutdown signal: readiness fails, while serving goes on through the
   * drain delay (shutdown.ts).
   */
  shuttingDown: boolean;
}

export function createServingState(now: Date = new Date()): ServingState {
  return { startedAt: now, shuttingDown: false };
}
