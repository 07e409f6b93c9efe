/**
 * Schema version 2: an application's `tags` become an object. nullplatform sends `"tags": {}` (a Go
 * `map[string]interface{}` in nullplatform/terraform-provider-nullplatform nullplatform/application.go; also
 * nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json), where older consoles stored
 * and sent a list. A stored list of `{key, value}` pairs (the shape nullplatform uses for API key tags, reference
 * §1.2) keeps its pairs; anything else becomes `{}`.
 *
 * Frozen with the migration that uses it: it reads and writes the column directly, not through the repository.
 */
import type BetterSqlite3 from 'better-sqlite3';

export function migrateApplicationTags(db: BetterSqlite3.Database): void {
  const rows = db.prepare('SELECT id, tags FROM applications').all() as { id: number; tags: string | null }[];
  const update = db.prepare('UPDATE applications SET tags = ? WHERE id = ?');
  for (const row of rows) {
    const tags = JSON.stringify(tagsObjectFrom(row.tags));
    if (tags !== row.tags) update.run(tags, row.id);
  }
}

/** The tags object a stored `tags` value stands for: string values only. */
function tagsObjectFrom(stored: string | null): Record<string, string> {
  const value = parseJson(stored);
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isRecord(item) || typeof item.key !== 'string') continue;
      const text = scalarText(item.value);
      if (text !== undefined) tags[item.key] = text;
    }
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      const text = scalarText(item);
      if (text !== undefined) tags[key] = text;
    }
  }
  return tags;
}

function parseJson(text: string | null): unknown {
  if (text === null || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tag values are strings; a number or boolean keeps its text, anything else is dropped. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
