/** How a page names an entity whatever its answer held. */
import { compactJson, unreadableValue, type Unreadable } from './tolerant';

/** Its name; the raw value as compact JSON when the name was not text; `<kind> #<id>` when it has none. */
export function displayName(entity: { id: number; name?: string | undefined } & Unreadable, kind: string): string {
  if (entity.name) return entity.name;
  const raw = unreadableValue(entity, 'name');
  return raw === undefined ? `${kind} #${entity.id}` : compactJson(raw, 60);
}
