/** A build's asset as the SPA reads it (reference §4). */
import type { z } from 'zod/mini';

import { idField, nullableTextField, textField, timeField, tolerantObject } from './tolerant';

export const assetReader = tolerantObject(
  { id: idField },
  {
    build_id: idField,
    name: textField,
    type: textField,
    url: textField,
    platform: nullableTextField,
    created_at: timeField,
  },
);
export type Asset = z.output<typeof assetReader>;
