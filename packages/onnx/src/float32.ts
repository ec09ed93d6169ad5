/** Float32 neighbours: where thresholds are placed and where split points are probed. */

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

/**
 * The float32 next to `value` (rounded to float32 first) towards +∞ (`up`) or −∞; infinities and
 * NaN are returned unchanged.
 */
export function float32Step(value: number, up: boolean): number {
  const x = Math.fround(value);
  if (!Number.isFinite(x)) return x;
  return up ? nextFloat32Up(x) : nextFloat32Down(x);
}
