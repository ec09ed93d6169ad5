/** Durations as people write them in policies and flags: `30s`, `15m`, `24h`, `7d`. */
const UNITS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Milliseconds of `text`, or undefined when it is not `<number><s|m|h|d>`. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const unit = UNITS[match[2] ?? ''];
  return unit === undefined ? undefined : Number(match[1]) * unit;
}
