/** How UI pages print numbers: one rule so a figure reads the same on every page. */

/** A figure with `digits` significant digits ("—" when not finite). */
export function figure(value: number | undefined | null, digits = 4): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4))
    return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

/** A share in [0, 1] as a percentage with one decimal. */
export function percent(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)}%`;
}

/** Milliseconds since the epoch as an ISO date and time (UTC, to the second). */
export function when(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '—';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
