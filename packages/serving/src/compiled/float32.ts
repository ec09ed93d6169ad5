/** Float32 arithmetic the compiler's checks need. */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float32 next to `value` (rounded to float32 first) towards +∞ (`up`) or −∞. */
export function float32Step(value: number, up: boolean): number {
  f32[0] = value;
  const x = f32[0];
  if (!Number.isFinite(x)) return x;
  if (x === 0) return up ? 1.401298464324817e-45 : -1.401298464324817e-45;
  u32[0] = (u32[0] as number) + (x > 0 === up ? 1 : -1);
  return f32[0];
}
