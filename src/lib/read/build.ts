/** A build as the SPA reads it (reference §3: `commit{id,permalink}`, `branch`; assets only on GET /build/:id). */
import { z } from 'zod/mini';

import { assetReader } from './asset';
import { idField, nullableTextField, shownObject, textField, timeField, tolerantObject } from './tolerant';

const commitReader = shownObject({ id: textField, permalink: nullableTextField });

export const buildReader = tolerantObject(
  { id: idField, application_id: idField },
  {
    status: textField,
    branch: nullableTextField,
    commit: z.nullable(commitReader),
    description: nullableTextField,
    assets: z.array(assetReader),
    created_at: timeField,
    updated_at: timeField,
  },
);
export type Build = z.output<typeof buildReader>;
