/**
 * Rewrites the string literals of a JSON text (object keys and values alike) and nothing else.
 *
 * Why not JSON.parse + walk + JSON.stringify: re-serializing changes bytes the upstream sent (big numbers lose
 * precision, whitespace and escapes change, a duplicated key collapses). Here each literal is decoded on its own and
 * only a literal whose decoded value changes is replaced; every other byte stays as it was.
 *
 * Meant for text already known to be valid JSON: outside string literals, JSON has no `"`, so each `"` found between
 * literals opens the next one.
 */

/** `text` with each literal's decoded value passed through `rewrite`; `text` itself when nothing changed. */
export function rewriteJsonStrings(text: string, rewrite: (value: string) => string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    const close = closingQuote(text, open);
    const literal = text.slice(open, close + 1);
    const value = decodeLiteral(literal);
    const rewritten = rewrite(value);
    if (rewritten !== value) {
      parts.push(text.slice(copiedUpTo, open), JSON.stringify(rewritten));
      copiedUpTo = close + 1;
    }
    open = text.indexOf('"', close + 1);
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

/** The index of the `"` that closes the literal opened at `open` (or the last index, for an unterminated one). */
function closingQuote(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '"') return index;
  }
  return text.length - 1;
}

/** The literal's value; its raw contents when it does not parse (never thrown: the caller still checks it). */
function decodeLiteral(literal: string): string {
  const contents = literal.slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined);
  if (!contents.includes('\\')) return contents;
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : contents;
  } catch {
    return contents;
  }
}
