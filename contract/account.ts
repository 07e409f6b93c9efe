/**
 * Accounts hold namespaces inside an organization (NRN `organization=…:account=…`, reference §1.6). Clients discover
 * what they may see from the organization down: `GET /account?organization_id=` → `GET /namespace?account_id=` →
 * `GET /application?namespace_id=` (nullplatform/ai-plugins np-api docs); nullplatform's Terraform provider finds an
 * account by `GET /account?organization_id=<id>&slug=<slug>` (nullplatform/terraform-provider-nullplatform
 * nullplatform/nrn.go `GetAccountBySlug`).
 *
 * The real object, from nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json:
 * `{id, name, slug, status, organization_id, nrn, repository_prefix, repository_provider, settings, metadata,
 * created_at, updated_at}`. Loose, like every response schema.
 */
import { z } from 'zod';

import { idListParam, idSchema, metadataSchema, nrnSchema, pagingQueryShape, timestampSchema } from './common';

export const accountSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  status: z.string(),
  organization_id: idSchema,
  nrn: nrnSchema.optional(),
  /** Where nullplatform creates the account's repositories (`playground-repos`, `github` in context.json). */
  repository_prefix: z.string().nullable().optional(),
  repository_provider: z.string().nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  metadata: metadataSchema.optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  id: idListParam('id'),
  organization_id: idListParam('organization_id'),
  slug: z.string().optional(),
});
