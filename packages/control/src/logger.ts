import winston from 'winston';
import type { Logger } from 'mlflow-js-client';

/** JSON lines on stderr (stdout stays free for a CLI's results). */
export function createControlLogger(level: 'error' | 'warn' | 'info' | 'debug' = 'info'): Logger {
  return winston.createLogger({
    level,
    defaultMeta: { service: 'champion-control' },
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    transports: [
      new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] }),
    ],
  });
}
