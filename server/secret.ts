/**
 * Secrets (API keys, access tokens) held by the console server, in both modes. A Secret never prints itself: string
 * conversion, JSON and `util.inspect` (console.log of a config object, an error's cause) all give `[redacted]`; only
 * `reveal()` gives the value, and the only callers are the places that send it upstream or compare it.
 */
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

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
