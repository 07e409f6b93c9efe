/** An application as the SPA reads it (reference §2, §8b: `tags` is an object in nullplatform's answers). */
import type { z } from 'zod/mini';

import {
  idField,
  nullableIdField,
  nullableTextField,
  textField,
  textMapField,
  timeField,
  tolerantObject,
} from './tolerant';

export const applicationReader = tolerantObject(
  { id: idField },
  {
    name: textField,
    slug: textField,
    status: textField,
    namespace_id: nullableIdField,
    repository_url: nullableTextField,
    tags: textMapField,
    created_at: timeField,
    updated_at: timeField,
  },
);
export type Application = z.output<typeof applicationReader>;
