/** The structural logger the HTTP layer accepts; winston's Logger fits it. */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const noop = (): void => undefined;

/** Says nothing (tests, embedding). */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
