/** Float32 neighbours, used to place thresholds and to probe split points in tests. */

/**
 * The smallest float32 >= `value`: for any float32 p, `p >= result` exactly when `p >= value`,
 * so the label agrees with the float32 probability the model outputs.
 */
export function float32AtLeast(value: number): number {
  const rounded = Math.fround(value);
  return rounded >= value ? rounded : nextFloat32Up(rounded);
}

/** The next float32 above `value` (a float32); NaN and +Infinity are returned unchanged. */
export function nextFloat32Up(value: number): number {
  if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) return value;
  if (value === 0) return 2 ** -149;
  const bits = new Int32Array(new Float32Array([value]).buffer);
  bits[0] = (bits[0] ?? 0) + (value > 0 ? 1 : -1);
  return new Float32Array(bits.buffer)[0] ?? value;
}

/** The next float32 below `value` (a float32); NaN and -Infinity are returned unchanged. */
export function nextFloat32Down(value: number): number {
  return -nextFloat32Up(-value);
}
