import winston from 'winston';
import type { CliConfig } from './config.js';
import type { LogMode } from './log-mode.js';

/** The structural logger the packages accept; winston's Logger fits it. */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** `message (key=value, ...)`: the scalar fields a person may need (a URL, a log file, a pid). */
const humanLine = winston.format.printf((info) => {
  const { level, message, timestamp: _t, ...meta } = info;
  const fields = Object.entries(meta)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => `${k}=${String(v)}`);
  const prefix = level === 'info' || level === 'debug' ? '' : `${level}: `;
  return `${prefix}${String(message)}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
});

/**
 * `logger`, asked first whether a level is on: winston formats a line (timestamp, JSON) before
 * its transports drop it for its level, and a server logs a line per request.
 */
function levelGated(logger: winston.Logger): Logger {
  return {
    debug: (message, meta) => {
      if (logger.isDebugEnabled()) logger.debug(message, meta);
    },
    info: (message, meta) => {
      if (logger.isInfoEnabled()) logger.info(message, meta);
    },
    warn: (message, meta) => {
      if (logger.isWarnEnabled()) logger.warn(message, meta);
    },
    error: (message, meta) => {
      if (logger.isErrorEnabled()) logger.error(message, meta);
    },
  };
}

/** Logs on stderr, so stdout carries only results: JSON lines, or plain lines at a terminal. */
export function createLogger(level: CliConfig['LOG_LEVEL'], mode: LogMode = 'json'): Logger {
  const logger = winston.createLogger({
    level,
    format:
      mode === 'json'
        ? winston.format.combine(winston.format.timestamp(), winston.format.json())
        : humanLine,
    transports: [
      new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] }),
    ],
  });
  return levelGated(logger);
}
