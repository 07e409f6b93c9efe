/**
 * Who is writing, and why: carried from where a write starts (an HTTP request's middleware, an engine decision) to
 * the store, which records the audit trail of every write made in that context (store.ts, audit-journal.ts).
 *
 * An AsyncLocalStorage rather than a parameter: every route writes through `store.write`, and the actor is the same
 * for all of a request's writes. Work the store's change listeners start (the engine's reconciles, their timers and
 * promises) runs outside any context (`outsideAudit`), so the engine's routine bookkeeping is never attributed to the
 * request that woke it; its decisions name themselves with `runAs(engineActor(...))`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import { type ActorKind, ENGINE_ACTOR, LOCAL_ACTOR, REASON_MAX_LENGTH } from '@contract/activity';

export type AuditActor = { name: string; kind: ActorKind };

export type AuditContext = {
  actor: AuditActor;
  /** Why, as the client or the engine said it; undefined when not given. */
  reason: string | undefined;
};

const storage = new AsyncLocalStorage<AuditContext>();

export const localActor: AuditActor = { name: LOCAL_ACTOR, kind: 'console' };
export const engineActor: AuditActor = { name: ENGINE_ACTOR, kind: 'engine' };

export function apiKeyActor(name: string): AuditActor {
  return { name, kind: 'api_key' };
}

/** Runs `fn` with its writes attributed to `actor`, with `reason`. */
export function runAs<T>(actor: AuditActor, reason: string | undefined, fn: () => T): T {
  return storage.run({ actor, reason: normalizeReason(reason) }, fn);
}

/** The context the current code runs in, if any. */
export function currentAudit(): AuditContext | undefined {
  return storage.getStore();
}

/** Runs `fn` (and everything it starts) outside any audit context. */
export function outsideAudit<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Blank is no reason; an engine's reason longer than a client may give is cut (a client's is refused before). */
function normalizeReason(reason: string | undefined): string | undefined {
  const trimmed = reason?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  return trimmed.length > REASON_MAX_LENGTH ? `${trimmed.slice(0, REASON_MAX_LENGTH - 1)}…` : trimmed;
}
