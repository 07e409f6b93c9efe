/** The Redactor on its own: the spellings it sees through, and what it leaves alone. */
import { describe, expect, it } from 'vitest';

import { REDACTED, Secret } from '../secret';
import { Redactor } from './redactor';

const key = 'np-key/0123456789abcdef+x=';
const token = 'eyJhbGciOi.J9/payload_part.sig-nature';
const escapeAll = (text: string) =>
  [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

describe('Redactor', () => {
  const redactor = new Redactor(new Secret(key), token);

  it('sees a secret raw, URL-encoded, percent-encoded in any case, JSON-escaped, or split by an escape', () => {
    for (const spelling of [
      token,
      encodeURIComponent(key),
      key.replaceAll('/', '%2f'),
      escapeAll(token),
      token.replaceAll('/', '\\/'),
      token.replace('/', '\\u002F'),
      `tok=${encodeURIComponent(escapeAll(key))}`,
      JSON.stringify(JSON.stringify(token)),
    ]) {
      expect({ spelling, found: redactor.containsSecret(`before ${spelling} after`) }).toEqual({
        spelling,
        found: true,
      });
    }
    expect(redactor.containsSecret('eyJhbGciOi.J9 and np-key/0123 100% \\n')).toBe(false);
  });

  it('scrubs text: raw and URL-encoded copies are cut out, any other spelling takes the whole text', () => {
    expect(redactor.scrub(`failed with ${token} at ${encodeURIComponent(key)}`)).toBe(
      `failed with ${REDACTED} at ${REDACTED}`,
    );
    expect(redactor.scrub(`failed with ${escapeAll(token)}`)).toBe(REDACTED);
    expect(redactor.scrub('nothing secret: 50% \\u0041')).toBe('nothing secret: 50% \\u0041');
  });

  it('scrubs JSON strings, keys included, and gives back the very same text when there is nothing to remove', () => {
    const clean = '{"a" : "caf\\u00e9 \\/ 100%",  "n": 12345678901234567890}';
    expect(redactor.scrubJson(clean)).toBe(clean);
    const dirty = `{"${escapeAll(token)}": 1, "b": "Bearer ${token.replaceAll('/', '\\/')}", "n": 12345678901234567890}`;
    expect(redactor.scrubJson(dirty)).toBe(`{"${REDACTED}": 1, "b": "Bearer ${REDACTED}", "n": 12345678901234567890}`);
  });

  it('refuses a JSON text whose secret is outside any string', () => {
    const digits = new Redactor('98765432109876');
    expect(digits.scrubJson('{"id": 98765432109876}')).toBeUndefined();
  });
});
