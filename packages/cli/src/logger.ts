import winston from 'winston';
import type { CliConfig } from './config.js';

/** The structural logger the packages accept; winston's Logger fits it. */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** JSON lines on stderr, so stdout carries only results (`--json` or human text). */
export function createLogger(level: CliConfig['LOG_LEVEL']): Logger {
  return winston.createLogger({
    level,
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    transports: [
      new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] }),
    ],
  });
}
