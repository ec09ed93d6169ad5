/**
 * Builds an ONNX graph node by node, handing out unique value names so exporters can compose
 * small pieces (preprocessing, the model body, the output head) without naming clashes.
 */
import type {
  AttributeValue,
  DataType,
  GraphSpec,
  NamedTensor,
  NodeSpec,
  TensorValue,
  ValueInfoSpec,
} from './proto.js';

export const ML_DOMAIN = 'ai.onnx.ml';

export interface NodeOptions {
  /** `ai.onnx.ml` for the ML operators; the default ONNX domain otherwise. */
  readonly domain?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** A readable hint for the output's name; the builder makes it unique. */
  readonly name?: string;
}

export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly initializers: NamedTensor[] = [];
  private readonly inputs: ValueInfoSpec[] = [];
  private readonly outputs: ValueInfoSpec[] = [];
  private readonly used = new Set<string>();

  /** Declares a graph input; its name is kept verbatim (it is the feature's column name). */
  input(info: ValueInfoSpec): string {
    if (this.used.has(info.name)) throw new Error(`duplicate graph input name '${info.name}'`);
    this.used.add(info.name);
    this.inputs.push(info);
    return info.name;
  }

  /** Adds a constant as an initializer and returns its value name. */
  constant(hint: string, tensor: TensorValue): string {
    const name = this.unique(hint);
    this.initializers.push({ name, tensor });
    return name;
  }

  /** Adds a single-output node and returns the output's value name. */
  node(opType: string, inputs: readonly string[], options: NodeOptions = {}): string {
    const output = this.unique(options.name ?? opType.toLowerCase());
    this.nodes.push({
      opType,
      domain: options.domain ?? '',
      name: `${output}_node`,
      inputs,
      outputs: [output],
      attributes: options.attributes ?? {},
    });
    return output;
  }

  /** Renames `value` to the graph output `name` (through Identity) and declares it. */
  output(
    value: string,
    info: { name: string; elemType: DataType; shape: readonly (number | string)[] },
  ): void {
    if (this.used.has(info.name))
      throw new Error(`graph output name '${info.name}' is already used`);
    this.used.add(info.name);
    this.nodes.push({
      opType: 'Identity',
      domain: '',
      name: `${info.name}_node`,
      inputs: [value],
      outputs: [info.name],
      attributes: {},
    });
    this.outputs.push(info);
  }

  build(name: string): GraphSpec {
    return {
      name,
      nodes: this.nodes,
      initializers: this.initializers,
      inputs: this.inputs,
      outputs: this.outputs,
    };
  }

  private unique(hint: string): string {
    // Internal names get a prefix no CSV column is likely to carry, and a counter if needed.
    const base = `_${hint.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }
}
