/**
 * `GET /console/activity`: the local platform's audit trail, newest first, filtered by application, scope or
 * deployment, actor and action (contract/activity.ts); `GET /console/actors`: who has written, with the numbers
 * `created_by`/`updated_by` hold. Local platform only: nullplatform keeps its own audit.
 */
import { activityEntrySchema, activityListQuerySchema, type ActorList, actorListSchema } from '@contract/activity';
import { listEnvelopeSchema } from '@contract/common';
import { consolePaths } from '@contract/console';
import { endpoint, json } from './endpoint';
import { ACTIVITY_LOCAL_ONLY } from './local-only';
import { listEnvelope } from './route-deps';

export const activityEndpoints = [
  endpoint({
    method: 'get',
    path: consolePaths.activity,
    localOnly: ACTIVITY_LOCAL_ONLY,
    tag: 'console',
    summary: 'The audit trail, newest first: who changed what, when, from → to, and why (local platform)',
    query: activityListQuerySchema,
    response: json(listEnvelopeSchema(activityEntrySchema)),
    examples: [{ summary: "What happened to scope 1's deployments", query: { scope_id: '1', limit: '20' } }],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.activity.list(query)),
  }),
  endpoint({
    method: 'get',
    path: consolePaths.actors,
    localOnly: ACTIVITY_LOCAL_ONLY,
    tag: 'console',
    summary: 'Who has written: the numbers created_by/updated_by hold, with their names (local platform)',
    response: json(actorListSchema),
    examples: [{ summary: 'Every actor' }],
    handle: (_input, _c, { store }): ActorList => ({ results: store.activity.actors() }),
  }),
];
