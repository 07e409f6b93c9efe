/**
 * Namespaces group applications inside an account (NRN `organization=…:account=…:namespace=…`, reference §1.6).
 * nullplatform lists applications per namespace, so the SPA offers a namespace picker in both modes.
 *
 * Unverified: the reference has no namespace section. The fields below are the ones the console needs and that
 * nullplatform's other entities suggest (`id, name, slug, status, nrn`, plus the parent's `account_id`); the schema
 * is loose, so whatever else the real API sends passes through.
 */
import { z } from 'zod';

import { idListParam, idSchema, nrnSchema, pagingQueryShape } from './common';

export const namespaceSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  account_id: idSchema,
  status: z.string(),
  nrn: nrnSchema.optional(),
});
export type Namespace = z.infer<typeof namespaceSchema>;

export const namespaceListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  id: idListParam('id'),
  account_id: idListParam('account_id'),
});
export type NamespaceListQuery = z.infer<typeof namespaceListQuerySchema>;
