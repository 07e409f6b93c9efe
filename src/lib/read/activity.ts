/**
 * The local platform's audit trail as the SPA reads it (contract/activity.ts): `GET /console/activity` entries and
 * `GET /console/actors`. Only the local platform answers these; they are read as tolerantly as any other answer.
 */
import { z } from 'zod/mini';

import {
  idField,
  nullableIdField,
  nullableTextField,
  shownObject,
  textField,
  timeField,
  tolerantObject,
} from './tolerant';

export const actorReader = tolerantObject({ id: idField }, { name: textField, kind: textField });
export type Actor = z.output<typeof actorReader>;

export const actorListReader = tolerantObject({ results: z.array(actorReader) }, {});

/** `from` and `to` are any JSON value (a status, a number, an object). */
const changeReader = tolerantObject({ field: textField }, { from: z.unknown(), to: z.unknown() });
export type ActivityChange = z.output<typeof changeReader>;

export const activityEntryReader = tolerantObject(
  { id: idField, action: z.string() },
  {
    at: timeField,
    actor: actorReader,
    entity: shownObject({ kind: textField, id: nullableIdField }),
    application_id: nullableIdField,
    scope_id: nullableIdField,
    deployment_id: nullableIdField,
    changes: z.array(changeReader),
    reason: nullableTextField,
  },
);
export type ActivityEntry = z.output<typeof activityEntryReader>;
