/**
 * POST /api/token leaves an entry in the audit trail: which key's name got a token, and when (never the key nor the
 * token). A refused key writes nothing.
 */
import { LOCAL_ACTOR } from '@contract/activity';
import { apiKeyActor, localActor, runAs } from '../audit/audit-context';
import type { Store } from '../store/store';
import type { TokenIssuer } from './tokens';

export function auditedTokens(tokens: TokenIssuer, store: Store): TokenIssuer {
  return {
    issue(apiKey) {
      const token = tokens.issue(apiKey);
      if (token === undefined) return undefined;
      const check = tokens.check(token.access_token);
      const actor = check.ok && check.actor !== LOCAL_ACTOR ? apiKeyActor(check.actor) : localActor;
      runAs(actor, undefined, () =>
        store.write((tx) =>
          tx.activity.insert({
            actorId: tx.activity.actorId(actor),
            action: 'issue_token',
            entity: { kind: 'token', id: null },
            application_id: null,
            scope_id: null,
            deployment_id: null,
            changes: [],
            reason: null,
          }),
        ),
      );
      return token;
    },
    check: (accessToken) => tokens.check(accessToken),
  };
}
