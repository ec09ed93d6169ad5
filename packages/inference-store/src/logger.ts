/**
 * The logger the store writes to: the same shape as the logger every champion package uses
 * (winston-backed in the services), declared here because this package imports no other.
 */
export interface StoreLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const noop = (): void => undefined;

/** Drops everything. */
export const silentStoreLogger: StoreLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
