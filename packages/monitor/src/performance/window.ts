/** Fixed-width time windows (`1d`, `6h`, `15m`...), aligned on the Unix epoch in UTC. */
import { PerformanceError } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds in a window written like `1d`, `12h`, `30m`, `90s`, `1w` or `500ms`. */
export function parseWindow(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text.trim());
  const ms = match === null ? NaN : Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? NaN);
  if (!(ms >= 1) || !Number.isFinite(ms)) {
    throw new PerformanceError(
      'CONFIG',
      `Window '${text}' is not a duration: write a positive number and a unit (ms, s, m, h, d, w), e.g. 1d or 6h.`,
    );
  }
  return ms;
}

/** The window holding `time`: its index since the epoch (every window starts at index × width). */
export function windowIndex(time: number, widthMs: number): number {
  return Math.floor(time / widthMs);
}
