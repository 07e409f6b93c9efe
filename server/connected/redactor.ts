/**
 * The second line of defence behind `Secret` (../secret.ts), in connected mode: every log line and every error
 * message that leaves the connected server passes through `scrub`, which replaces any secret it knows (the key, every token seen) wherever it appears.
 * What the upstream answers is checked too: a response header that holds a secret is dropped (`containsSecret`), and
 * a JSON body has the secrets removed from its decoded strings (`scrubJson`). Secrets are looked for in every reading
 * of a text (raw, percent-decoded, JSON-unescaped; see secret-readings.ts), since an escaped copy is just as readable.
 */
import { REDACTED, type Secret } from '../secret';
import { rewriteJsonStrings } from './json-strings';
import { hasOtherReadings, readingsOf } from './secret-readings';

/** Secrets shorter than this are not scrubbed from text (replacing "a" everywhere would garble every message). */
const MIN_SCRUBBED_LENGTH = 6;
/** Tokens are renewed about once per lifetime; remembering the last few covers messages about older ones. */
const MAX_REMEMBERED = 16;

export class Redactor {
  private readonly secrets: string[] = [];
  /** Each secret's URL-encoded spelling, computed once (a body can have thousands of strings to scrub). */
  private readonly urlEncoded = new Map<string, string>();

  constructor(...secrets: Array<Secret | string>) {
    for (const secret of secrets) this.remember(secret);
  }

  remember(secret: Secret | string): void {
    const value = typeof secret === 'string' ? secret : secret.reveal();
    if (value.length < MIN_SCRUBBED_LENGTH || this.secrets.includes(value)) return;
    this.secrets.push(value);
    this.urlEncoded.set(value, encodeURIComponent(value));
    // The API key is always first and is never forgotten; old tokens are.
    if (this.secrets.length > MAX_REMEMBERED) {
      for (const forgotten of this.secrets.splice(1, 1)) this.urlEncoded.delete(forgotten);
    }
  }

  /** `text` with every secret replaced by the marker; the whole text is the marker when a secret survives in an encoded form. */
  scrub(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
      // A URL-encoded copy (e.g. a key echoed back in a query string) is just as secret.
      const encoded = this.urlEncoded.get(secret) ?? secret;
      if (encoded !== secret && result.includes(encoded)) result = result.split(encoded).join(REDACTED);
    }
    // Escaped or otherwise encoded copies (`\u0074…`, `%74…`) cannot be cut out without decoding the rest of the text,
    // and a message that half-leaks a secret is no use: it goes as a whole.
    return this.containsSecret(result) ? REDACTED : result;
  }

  /** Whether any reading of `text` (raw, URL-encoded, JSON-escaped, or a mix) holds a secret. */
  containsSecret(text: string): boolean {
    if (this.secrets.length === 0) return false;
    const readings = hasOtherReadings(text) ? readingsOf(text) : [text];
    return readings.some((reading) => this.secrets.some((secret) => reading.includes(secret)));
  }

  /**
   * A JSON text with every secret removed from its strings, object keys included: each string is decoded (so
   * `\/`, `\u002f` and all-`\uXXXX` copies are seen) and scrubbed. Gives back `text` itself when there was nothing
   * to remove, so clean answers keep the upstream's bytes; `undefined` when a secret is left that no string holds
   * (a token made of digits, as a number), which the caller must not send.
   */
  scrubJson(text: string): string | undefined {
    if (!this.mayHideSecret(text)) return text;
    const scrubbed = rewriteJsonStrings(text, (value) => this.scrub(value));
    // Outside strings JSON has no escapes, so a raw look at the result is enough.
    return this.secrets.some((secret) => scrubbed.includes(secret)) ? undefined : scrubbed;
  }

  /**
   * The cheap test before decoding a JSON text: a secret can only be there raw, or behind an escape or a percent sign.
   * `\/` and `\u` can stand for any character; the other JSON escapes (`\"`, `\\`, `\n`…) only for characters
   * that a secret rarely holds, so they count only when one does.
   */
  private mayHideSecret(text: string): boolean {
    if (text.includes('\\u') || text.includes('\\/') || text.includes('%')) return true;
    if (this.secrets.some((secret) => text.includes(secret))) return true;
    return text.includes('\\') && this.secrets.some((secret) => JSON.stringify(secret) !== `"${secret}"`);
  }
}
