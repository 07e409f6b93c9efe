/**
 * Every write through /api and /console runs as its actor, with the reason its body gives (audit/audit-context.ts):
 * the store records the audit trail of each write made in that context. The actor is the name of the API key whose
 * token the request carries when tokens are required (NP_CONSOLE_REQUIRE_TOKEN), and `local`, the console's own user,
 * otherwise. Reads record nothing.
 *
 * The reason is read from the JSON body's top-level `reason` here, before the route: the route's contract checks it
 * (at most 500 characters, contract/activity.ts) and refuses the whole request otherwise, so a reason that reaches
 * the store is a valid one. Routes whose bodies have no `reason` refuse it as an unknown field.
 */
import type { Context, MiddlewareHandler } from 'hono';

import { LOCAL_ACTOR } from '@contract/activity';
import { type AuditActor, apiKeyActor, localActor, runAs } from '../audit/audit-context';
import type { TokenIssuer } from './tokens';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AuditMiddlewareOptions = { tokens: TokenIssuer; requireToken: boolean };

export function auditMiddleware({ tokens, requireToken }: AuditMiddlewareOptions): MiddlewareHandler {
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const actor = requireToken ? actorOfToken(c, tokens) : localActor;
    // Without a valid token the request is refused before it writes (token-required.ts); POST /api/token records
    // its own entry with the key's name (audited-tokens.ts).
    if (actor === undefined) return next();
    const reason = await reasonOf(c);
    return runAs(actor, reason, next);
  };
}

function actorOfToken(c: Context, tokens: TokenIssuer): AuditActor | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  if (match?.[1] === undefined) return undefined;
  const check = tokens.check(match[1]);
  if (!check.ok) return undefined;
  return check.actor === LOCAL_ACTOR ? localActor : apiKeyActor(check.actor);
}

/** The body's `reason` when it is a JSON object with a string there; the route reads the same (cached) text again. */
async function reasonOf(c: Context): Promise<string | undefined> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().includes('json')) return undefined;
  const text = await c.req.text();
  if (!text.includes('"reason"')) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || !('reason' in body)) return undefined;
    return typeof body.reason === 'string' ? body.reason : undefined;
  } catch {
    // The route answers the malformed body itself.
    return undefined;
  }
}
