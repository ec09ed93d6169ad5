/** Reading a node's attributes for the compiler: the kind it must have, or NotCompilable. */
import type { OnnxAttribute, OnnxNode } from '@champion/onnx';

/** Why a graph cannot be compiled (the caller scores with onnxruntime instead). */
export class NotCompilable extends Error {
  override readonly name = 'NotCompilable';
}

/** Each attribute kind's value type. */
type ValueOf = { [A in OnnxAttribute as A['kind']]: A['value'] };

/** The value of attribute `name` of `node`, which must be of `kind`. */
export function attribute<K extends OnnxAttribute['kind']>(
  node: OnnxNode,
  name: string,
  kind: K,
): ValueOf[K] {
  const found = node.attributes.get(name);
  if (found?.kind !== kind) {
    throw new NotCompilable(`${node.opType}: attribute ${name} (${kind}) is missing`);
  }
  // TypeScript cannot narrow a union by a generic kind; the check above did.
  return found.value as ValueOf[K];
}

/** A numeric attribute: a tensor's values, or a list of ints. */
export function numbers(node: OnnxNode, name: string, kind: 'tensor' | 'ints'): number[] {
  return kind === 'tensor'
    ? [...attribute(node, name, 'tensor').values]
    : [...attribute(node, name, 'ints')];
}
