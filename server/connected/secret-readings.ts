/**
 * The readings of a text in which a secret could hide. A token echoed as `tok\/abc`, `tok\u002fabc`, `%74ok%2Fabc`
 * or with every character `\uXXXX`-escaped is not the same text as the token, but anyone who reads it gets the token.
 * So before looking for a secret, the text is read as is, percent-decoded, and with backslash escapes resolved, and
 * combinations of those a few layers deep (a JSON string holding a URL-encoded value, …).
 *
 * Decoding is lenient on purpose: invalid bytes become U+FFFD instead of failing, so a bad sequence next to a secret
 * cannot hide it.
 */

/** Layers of encoding undone; three covers a percent-encoded value escaped twice. */
const MAX_LAYERS = 3;

export function readingsOf(text: string): string[] {
  const seen = new Set([text]);
  let layer = [text];
  for (let depth = 0; depth < MAX_LAYERS && layer.length > 0; depth++) {
    const next: string[] = [];
    for (const reading of layer) {
      for (const decoded of [percentDecoded(reading), unescaped(reading)]) {
        if (!seen.has(decoded)) {
          seen.add(decoded);
          next.push(decoded);
        }
      }
    }
    layer = next;
  }
  return [...seen];
}

/** Whether some reading beyond the text itself exists (no `%` and no `\`: the text is its only reading). */
export function hasOtherReadings(text: string): boolean {
  return text.includes('%') || text.includes('\\');
}

/** `%74ok%2fabc` → `tok/abc`; runs of `%XX` are decoded as UTF-8 bytes together. */
function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
}

const SINGLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '0': '\0',
};

/** JSON/JavaScript escapes: `\/` → `/`, `\u002f`, `\u{2f}`, `\x2f` → `/`, `\n` → newline, `\"` → `"`. */
function unescaped(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(
    /\\(?:u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}|x([0-9A-Fa-f]{2})|([\s\S]))/g,
    (whole, u4: string | undefined, braced: string | undefined, x2: string | undefined, single: string | undefined) => {
      const hex = u4 ?? x2;
      if (hex !== undefined) return String.fromCharCode(Number.parseInt(hex, 16));
      if (braced !== undefined) {
        const codePoint = Number.parseInt(braced, 16);
        return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
      }
      return single === undefined ? whole : (SINGLE_ESCAPES[single] ?? single);
    },
  );
}
