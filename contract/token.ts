import { z } from 'zod';

/** `POST /token`: nullplatform's own code sends the key as `apikey` and as `api_key` (reference §1.2); both work. */
export const tokenRequestBodySchema = z
  .strictObject({
    api_key: z.string().min(1, 'api_key must not be empty').optional(),
    apikey: z.string().min(1, 'apikey must not be empty').optional(),
  })
  .refine((body) => body.api_key !== undefined || body.apikey !== undefined, {
    message: 'the body must carry api_key (or apikey)',
  })
  .meta({ anyOf: [{ required: ['api_key'] }, { required: ['apikey'] }] });

export const tokenResponseSchema = z.looseObject({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  /** Epoch milliseconds. */
  token_expires_at: z.number(),
  organization_id: z.number().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
