import { inspect } from 'node:util';

const REDACTED = '<redacted>';

/**
 * Holds a credential so that printing, logging or JSON-serialising the object that contains it
 * never shows the value; only {@link Secret.reveal} does, at the moment a header is built.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The credential itself; call only where it is sent, never where it is logged. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
