/**
 * A scope as the SPA reads it (reference §6, §8b). What differs in nullplatform's answers:
 * - lists carry no active or in-progress deployment; GET /scope/:id does, as `current_active_deployment` (and, in
 *   some tools' reading, `active_deployment`) and `in_progress_deployment`;
 * - `domain` may be `""`, with the addresses in `domains[].name`;
 * - `capabilities` depend on the scope type: flat attributes for an agent scope (`fixed_instances`,
 *   `health_check{path}`), maps for older ones (`visibility{reachability}`): each is read where it can be.
 */
import { z } from 'zod/mini';

import {
  booleanField,
  idField,
  nullableTextField,
  numberField,
  shownObject,
  textField,
  textMapField,
  timeField,
  tolerantObject,
} from './tolerant';

/** A reference to a deployment: its id, or (unverified) the deployment itself; null when there is none. */
const deploymentRefField = z.nullable(
  z.union([
    idField,
    z.pipe(
      z.looseObject({ id: idField }),
      z.transform((deployment: { id: number }) => deployment.id),
    ),
  ]),
);

const capabilitiesReader = shownObject({
  scaling_type: textField,
  fixed_instances: numberField,
  health_check: shownObject({ path: textField, type: textField, enabled: booleanField }),
});

const domainReader = shownObject({ name: textField });

const scopeFields = tolerantObject(
  { id: idField, application_id: idField },
  {
    name: textField,
    slug: textField,
    type: textField,
    status: textField,
    tier: nullableTextField,
    dimensions: textMapField,
    domain: nullableTextField,
    domains: z.array(domainReader),
    asset_name: nullableTextField,
    capabilities: capabilitiesReader,
    active_deployment: deploymentRefField,
    current_active_deployment: deploymentRefField,
    in_progress_deployment: deploymentRefField,
    created_at: timeField,
    updated_at: timeField,
  },
);

/**
 * `active_deployment` is the scope's active deployment under either name; it is absent (undefined) when the answer
 * does not say, as nullplatform's lists don't, and null when the scope has none.
 */
export const scopeReader = z.pipe(
  scopeFields,
  z.transform((scope: z.output<typeof scopeFields>) => {
    const active = scope.active_deployment !== undefined ? scope.active_deployment : scope.current_active_deployment;
    if (active === undefined) return scope;
    return { ...scope, active_deployment: active };
  }),
);
export type Scope = z.output<typeof scopeReader>;

/** Where the scope serves: its `domain`, else the first of its `domains`; undefined when it has none. */
export function scopeAddress(scope: Pick<Scope, 'domain' | 'domains'>): string | undefined {
  if (scope.domain) return scope.domain;
  return scope.domains?.find((domain) => domain.name)?.name;
}
