/**
 * Writing WebAssembly modules: the opcodes champion's generated modules use (WebAssembly core
 * specification, binary format), a byte buffer with LEB128 and little-endian doubles, and a
 * function builder with named locals and labels. No library writes wasm from JavaScript without a
 * toolchain; wasm-trees.ts needs only this much.
 */

export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f32Load: 0x2a,
  f64Load: 0x2b,
  i32Load8U: 0x2d,
  i32Store: 0x36,
  f32Store: 0x38,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GtU: 0x4b,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i32GeU: 0x4f,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Gt: 0x64,
  f64Le: 0x65,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  f64Neg: 0x9a,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f32DemoteF64: 0xb6,
  f64ConvertI32S: 0xb7,
  f64PromoteF32: 0xbb,
} as const;

export const I32 = 0x7f;
export const F64 = 0x7c;
/** Block type of a block, loop or if that leaves nothing on the stack. */
export const VOID = 0x40;

/** Little-endian bytes of a double (WebAssembly's byte order). */
const f64Bytes = new DataView(new ArrayBuffer(8));

/** Bytes of a growing module. */
export class Bytes {
  private buffer = new Uint8Array(1024);
  length = 0;
  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }
  byte(...values: number[]): this {
    this.reserve(values.length);
    for (const v of values) this.buffer[this.length++] = v;
    return this;
  }
  /** Unsigned LEB128. */
  u32(value: number): this {
    let v = value >>> 0;
    do {
      const low = v & 0x7f;
      v >>>= 7;
      this.byte(v === 0 ? low : low | 0x80);
    } while (v !== 0);
    return this;
  }
  /** Signed LEB128 of a 32-bit integer. */
  s32(value: number): this {
    let v = value | 0;
    for (;;) {
      const low = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (low & 0x40) === 0) || (v === -1 && (low & 0x40) !== 0);
      this.byte(done ? low : low | 0x80);
      if (done) return this;
    }
  }
  f64(value: number): this {
    f64Bytes.setFloat64(0, value, true);
    this.reserve(8);
    for (let i = 0; i < 8; i++) this.buffer[this.length++] = f64Bytes.getUint8(i);
    return this;
  }
  /** A copy of `other`'s bytes. */
  append(other: Bytes): this {
    this.reserve(other.length);
    this.buffer.set(other.buffer.subarray(0, other.length), this.length);
    this.length += other.length;
    return this;
  }
  /** A length-prefixed copy of `other` (a section or a function body). */
  sized(other: Bytes): this {
    return this.u32(other.length).append(other);
  }
  name(text: string): this {
    const encoded = new TextEncoder().encode(text);
    return this.u32(encoded.length).byte(...encoded);
  }
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * A function body written with named locals and labels: `get('pos')`, `block('done', () => …)`,
 * `brIf('done')` (the label's depth is counted for you).
 */
export class FunctionBuilder {
  readonly code = new Bytes();
  private readonly locals = new Map<string, number>();
  private readonly declared: number[] = [];
  private readonly labels: string[] = [];

  constructor(params: readonly string[]) {
    params.forEach((name, i) => this.locals.set(name, i));
  }
  /** Declares a local of `type` (I32 or F64). */
  local(name: string, type: number): this {
    this.locals.set(name, this.locals.size);
    this.declared.push(type);
    return this;
  }
  private index(name: string): number {
    const at = this.locals.get(name);
    if (at === undefined) throw new Error(`wasm builder: no local ${name}`);
    return at;
  }
  op(...codes: number[]): this {
    this.code.byte(...codes);
    return this;
  }
  get(name: string): this {
    this.code.byte(OP.localGet).u32(this.index(name));
    return this;
  }
  set(name: string): this {
    this.code.byte(OP.localSet).u32(this.index(name));
    return this;
  }
  tee(name: string): this {
    this.code.byte(OP.localTee).u32(this.index(name));
    return this;
  }
  i32(value: number): this {
    this.code.byte(OP.i32Const).s32(value);
    return this;
  }
  f64(value: number): this {
    this.code.byte(OP.f64Const).f64(value);
    return this;
  }
  /** A memory access `op` with its alignment (log2 bytes) and constant offset. */
  mem(op: number, align: number, offset = 0): this {
    this.code.byte(op).u32(align).u32(offset);
    return this;
  }
  private nest(opcode: number, label: string, body: () => void): this {
    this.code.byte(opcode, VOID);
    this.labels.push(label);
    body();
    this.labels.pop();
    this.code.byte(OP.end);
    return this;
  }
  /** A block: `br(label)` inside jumps past its end. */
  block(label: string, body: () => void): this {
    return this.nest(OP.block, label, body);
  }
  /** A loop: `br(label)` inside jumps back to its start. */
  loop(label: string, body: () => void): this {
    return this.nest(OP.loop, label, body);
  }
  /** `if` on the i32 on the stack (label '' : not a branch target), with an optional else. */
  if(then: () => void, otherwise?: () => void): this {
    this.code.byte(OP.if, VOID);
    this.labels.push('');
    then();
    if (otherwise !== undefined) {
      this.code.byte(OP.else);
      otherwise();
    }
    this.labels.pop();
    this.code.byte(OP.end);
    return this;
  }
  private depth(label: string): number {
    const at = this.labels.lastIndexOf(label);
    if (at < 0) throw new Error(`wasm builder: no label ${label}`);
    return this.labels.length - 1 - at;
  }
  br(label: string): this {
    this.code.byte(OP.br).u32(this.depth(label));
    return this;
  }
  brIf(label: string): this {
    this.code.byte(OP.brIf).u32(this.depth(label));
    return this;
  }
  /** The function body: local declarations, code, `end`. */
  body(): Bytes {
    const out = new Bytes().u32(this.declared.length);
    for (const type of this.declared) out.u32(1).byte(type);
    return out.append(this.code).byte(OP.end);
  }
}
