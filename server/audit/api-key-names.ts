/**
 * NP_CONSOLE_API_KEYS with names: `alice:key1,ci:key2`. The name is who the audit trail says wrote (the token a
 * key gets carries it); the key itself is never stored nor shown. A key given without a name (`key1,key2`, as before
 * names existed) is named after its place in the list: `key-1`, `key-2`, …
 *
 * An entry is `name:key` when what comes before its first `:` is a name (letters, digits, `.`, `_`, `-`, starting
 * with a letter or digit, at most 64 characters); a key that itself holds a `:` therefore needs a name in front.
 * `local` and `engine` are the console's own actors and cannot name a key; two keys cannot share a name.
 */
import { ENGINE_ACTOR, LOCAL_ACTOR } from '@contract/activity';
import { Secret } from '../secret';

export type NamedApiKey = { name: string; key: Secret };

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RESERVED = new Set([LOCAL_ACTOR, ENGINE_ACTOR]);

/** The keys and their names, or what is wrong with the list (never quoting a key). */
export function parseApiKeys(raw: string): { keys: NamedApiKey[]; errors: string[] } {
  const keys: NamedApiKey[] = [];
  const errors: string[] = [];
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    const position = index + 1;
    const colon = entry.indexOf(':');
    const named = colon > 0 && NAME_PATTERN.test(entry.slice(0, colon));
    const name = named ? entry.slice(0, colon) : `key-${position}`;
    const key = named ? entry.slice(colon + 1).trim() : entry;
    if (colon >= 0 && !named) {
      errors.push(
        `entry ${position} holds a ":" but what comes before it is not a name (letters, digits, ".", "_", "-"); write it as name:key`,
      );
      return;
    }
    if (key === '') {
      errors.push(`entry ${position} (${name}) has no key after "${name}:"`);
      return;
    }
    if (RESERVED.has(name)) {
      errors.push(`entry ${position} is named "${name}", which the console uses for itself; choose another name`);
      return;
    }
    if (keys.some((existing) => existing.name === name)) {
      errors.push(`entry ${position} is named "${name}" like an earlier one; each key needs its own name`);
      return;
    }
    keys.push({ name, key: new Secret(key) });
  });
  return { keys, errors };
}
