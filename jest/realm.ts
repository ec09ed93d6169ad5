/**
 * Jest runs each test file in its own realm, but onnxruntime-node's native binding creates output
 * arrays in Node's main realm, so onnxruntime-common's `instanceof Float32Array` check rejects them
 * ("A float32 tensor's data must be type of function Float32Array()"). Importing this module
 * before `onnxruntime-node` makes the test realm use the main realm's typed-array constructors.
 * Outside Jest both realms are the same and this changes nothing.
 */
import { runInThisContext } from 'node:vm';

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

const scope = globalThis as unknown as Record<string, unknown>;
for (const name of TYPED_ARRAYS) scope[name] = runInThisContext(name);
