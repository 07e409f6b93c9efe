/**
 * Secrets (API keys, access tokens) held by the console server. A Secret never prints itself: string conversion,
 * JSON and `util.inspect` (console.log of a config object, an error's cause) all give `[redacted]`; only `reveal()`
 * gives the value, and the only callers are the places that send it upstream or compare it.
 *
 * `Redactor` is the second line of defence: every log line and every error message that leaves the connected
 * server passes through `scrub`, which replaces any secret it knows (the key, every token seen) wherever it appears.
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

/** Secrets shorter than this are not scrubbed from text (replacing "a" everywhere would garble every message). */
const MIN_SCRUBBED_LENGTH = 6;
/** Tokens are renewed about once per lifetime; remembering the last few covers messages about older ones. */
const MAX_REMEMBERED = 16;

export class Redactor {
  private readonly secrets: string[] = [];

  constructor(...secrets: Array<Secret | string>) {
    for (const secret of secrets) this.remember(secret);
  }

  remember(secret: Secret | string): void {
    const value = typeof secret === 'string' ? secret : secret.reveal();
    if (value.length < MIN_SCRUBBED_LENGTH || this.secrets.includes(value)) return;
    this.secrets.push(value);
    // The API key is always first and is never forgotten; old tokens are.
    if (this.secrets.length > MAX_REMEMBERED) this.secrets.splice(1, 1);
  }

  scrub(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
      // A URL-encoded copy (e.g. a key echoed back in a query string) is just as secret.
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && result.includes(encoded)) result = result.split(encoded).join(REDACTED);
    }
    return result;
  }
}
