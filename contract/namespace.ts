/**
 * Namespaces group applications inside an account (NRN `organization=…:account=…:namespace=…`, reference §1.6).
 * nullplatform lists applications per namespace, so the SPA offers a namespace picker in both modes.
 *
 * The real object is `{id, name, slug, status, account_id, nrn, metadata, created_at, updated_at}`
 * (nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json); the schema is loose, so
 * whatever else the real API sends passes through. Clients discover namespaces from an account:
 * `GET /namespace?account_id=` (nullplatform/ai-plugins np-api docs).
 */
import { z } from 'zod';

import { idListParam, idSchema, metadataSchema, nrnSchema, pagingQueryShape, timestampSchema } from './common';

export const namespaceSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  account_id: idSchema,
  status: z.string(),
  nrn: nrnSchema.optional(),
  metadata: metadataSchema.optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Namespace = z.infer<typeof namespaceSchema>;

export const namespaceListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  id: idListParam('id'),
  account_id: idListParam('account_id'),
  slug: z.string().optional(),
});
