/**
 * Whether the API is in trouble right now: the console server answered 502/503/504 (nullplatform unreachable, slow
 * or answering garbage, in connected mode) or did not answer at all. A tiny store fed by the QueryCache and the
 * MutationCache (see query-client.ts): the first such failure raises it, the next success clears it. The banner
 * (src/app/upstream-banner.tsx) shows it and polling backs off while it is raised (live-updates-runtime.ts).
 */
import { useSyncExternalStore } from 'react';

import { ApiError, describeError, NetworkError } from './api-client';

/** `upstream`: the console server answered, the API behind it did not. `network`: the console server did not answer. */
export type TroubleKind = 'upstream' | 'network';
export type Trouble = { kind: TroubleKind; message: string; since: number };

/** Statuses the console server uses for an upstream that is down, slow or not speaking JSON (and 503 from the API). */
const TROUBLE_STATUSES = new Set([502, 503, 504]);

/** A failure that says nothing about the request itself and goes away when the API comes back. */
export function isTroubleError(error: unknown): error is ApiError | NetworkError {
  return error instanceof NetworkError || (error instanceof ApiError && TROUBLE_STATUSES.has(error.status));
}

let trouble: Trouble | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Raises (or updates) the trouble when `error` is one. Other errors are the page's own business. */
export function reportFailure(error: unknown, now: number = Date.now()): void {
  if (!isTroubleError(error)) return;
  const kind: TroubleKind = error instanceof NetworkError ? 'network' : 'upstream';
  const message = describeError(error);
  if (trouble?.kind === kind && trouble.message === message) return;
  trouble = { kind, message, since: trouble?.since ?? now };
  emit();
}

/** The console's event stream dropped: nothing on the page updates until it is back (the console server is gone). */
export function reportStreamDown(now: number = Date.now()): void {
  if (trouble !== null) return;
  trouble = { kind: 'network', message: 'the live event stream from the console server dropped', since: now };
  emit();
}

/**
 * A request succeeded. `via: 'console'` is an answer of the console server itself (/console/info): it proves the
 * console server is back, not that the API behind it is.
 */
export function reportSuccess(via: 'api' | 'console' = 'api'): void {
  if (trouble === null) return;
  if (trouble.kind === 'upstream' && via === 'console') return;
  trouble = null;
  emit();
}

export function getTrouble(): Trouble | null {
  return trouble;
}

/** For tests. */
export function clearTrouble(): void {
  if (trouble === null) return;
  trouble = null;
  emit();
}

export function subscribeTrouble(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useTrouble(): Trouble | null {
  return useSyncExternalStore(subscribeTrouble, getTrouble, getTrouble);
}
