/** A release as the SPA reads it (reference §5, §8b: `semver` may carry a `v`; statuses beyond `active`). */
import type { z } from 'zod/mini';

import { idField, textField, timeField, tolerantObject } from './tolerant';

export const releaseReader = tolerantObject(
  { id: idField, application_id: idField, build_id: idField },
  {
    semver: textField,
    status: textField,
    created_at: timeField,
    updated_at: timeField,
  },
);
export type Release = z.output<typeof releaseReader>;
