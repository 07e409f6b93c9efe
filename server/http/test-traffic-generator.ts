/**
 * Test traffic generators: real HTTP requests to a scope's own address at a bounded rate for a bounded time, one
 * generator per scope. They pass through the scope's weighted proxy like a user's, so they land in its
 * per-deployment counters, which the metric rules, the charts and the telemetry API read.
 *
 * WHERE IT RUNS: in the console process (the control plane), not in the data plane, on purpose:
 * - The data plane serves scopes and nothing else, and it outlives the console. A generator there would outlive the
 *   console too, sending requests that no one can see or stop until a new console reattaches, and it would share the
 *   event loop of the very proxies whose latency the rules measure.
 * - Here a generator is bounded twice: by its own duration, and by the console's life. A console that is stopped or
 *   SIGKILLed takes its generators with it (a console that closes its store stops them at the next tick), and a new
 *   console starts with none. Nothing is written to the database: the counts live in memory, like the generator.
 * A console that is busy sends late; a backlog of more than a second's worth is dropped rather than sent in a burst.
 */
import {
  TEST_TRAFFIC_DEFAULT_PATH,
  type StartTestTrafficBody,
  type TestTrafficEndReason,
  type TestTrafficStatus,
} from '@contract/test-traffic';
import type { Store } from '../store/store';
import { conflict, HttpError, notFound } from './errors';

/** How often a generator wakes to send what is due. */
const TICK_MS = 50;
/** How often it reads its scope again (gone? moved?). */
const SCOPE_CHECK_MS = 1_000;
/** A request without an answer by then counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Scopes receiving test traffic at once: each may send 50 requests a second. */
export const MAX_GENERATORS = 10;

const goneStatuses = new Set(['deleting', 'deleted']);

type Run = {
  scopeId: number;
  address: string;
  ratePerSecond: number;
  durationSeconds: number;
  path: string;
  startedAt: number;
  endsAt: number;
  endedAt: number | null;
  endReason: TestTrafficEndReason | null;
  /** Requests due so far by the clock, sent or dropped. */
  issued: number;
  sent: number;
  failed: number;
  lastFailure: string | null;
  lastScopeCheck: number;
  timer: NodeJS.Timeout | undefined;
  aborter: AbortController;
};

export class TestTrafficGenerators {
  /** The running generator of each scope, else its last one. */
  private readonly runs = new Map<number, Run>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  status(scopeId: number): TestTrafficStatus {
    this.requireScope(scopeId);
    return describe(scopeId, this.runs.get(scopeId));
  }

  start(scopeId: number, body: StartTestTrafficBody): TestTrafficStatus {
    const scope = this.requireScope(scopeId);
    const current = this.runs.get(scopeId);
    if (current !== undefined && current.endedAt === null) {
      throw conflict(
        `test traffic already runs on scope ${scopeId} (${current.ratePerSecond} requests/s until ${new Date(current.endsAt).toISOString()}); ` +
          `stop it first with DELETE /console/scope/${scopeId}/test-traffic`,
      );
    }
    if (goneStatuses.has(scope.status)) throw conflict(`scope ${scopeId} is ${scope.status}: it takes no traffic`);
    if (scope.active_deployment === null && scope.in_progress_deployment === null) {
      throw conflict(`scope ${scopeId} serves no release yet: deploy one to it first`);
    }
    const address = scope.domain;
    if (address === null || address === undefined || address === '') {
      throw conflict(`scope ${scopeId} has no address yet: try again in a moment`);
    }
    const running = [...this.runs.values()].filter((run) => run.endedAt === null).length;
    if (running >= MAX_GENERATORS) {
      throw new HttpError(409, `test traffic already runs on ${running} scopes, the most at once; stop one first`);
    }
    const startedAt = this.now();
    const run: Run = {
      scopeId,
      address,
      ratePerSecond: body.rate_per_second,
      durationSeconds: body.duration_seconds,
      path: body.path ?? TEST_TRAFFIC_DEFAULT_PATH,
      startedAt,
      endsAt: startedAt + body.duration_seconds * 1000,
      endedAt: null,
      endReason: null,
      issued: 0,
      sent: 0,
      failed: 0,
      lastFailure: null,
      lastScopeCheck: startedAt,
      timer: undefined,
      aborter: new AbortController(),
    };
    // Never keeps the process alive: a console that is stopping does not wait for its generators.
    run.timer = setInterval(() => this.tick(run), TICK_MS).unref();
    this.runs.set(scopeId, run);
    return describe(scopeId, run);
  }

  /** Stops the scope's generator; stopping one that has already stopped (or never ran) changes nothing. */
  stop(scopeId: number): TestTrafficStatus {
    this.requireScope(scopeId);
    const run = this.runs.get(scopeId);
    if (run !== undefined && run.endedAt === null) this.end(run, 'stopped');
    return describe(scopeId, run);
  }

  private requireScope(scopeId: number) {
    const scope = this.store.scopes.get(scopeId);
    if (scope === undefined) throw notFound('scope', scopeId);
    return scope;
  }

  private tick(run: Run): void {
    try {
      this.step(run);
    } catch (error) {
      // A timer's exception would take the whole console down: the generator stops instead, saying why.
      this.end(run, 'stopped');
      run.lastFailure = `stopped: ${reasonOf(error)}`;
    }
  }

  private step(run: Run): void {
    if (run.endedAt !== null) return;
    // The console closes its store when it stops: its generators stop with it, and their requests in flight too.
    if (!this.store.db.open) {
      this.end(run, 'console_stopping');
      run.aborter.abort();
      return;
    }
    const now = this.now();
    if (now - run.lastScopeCheck >= SCOPE_CHECK_MS && !this.followScope(run, now)) return;
    const elapsedSeconds = (Math.min(now, run.endsAt) - run.startedAt) / 1000;
    const due = Math.floor(elapsedSeconds * run.ratePerSecond + 1e-9) - run.issued;
    // More than a second behind (the console was busy): the backlog beyond one second's worth is dropped.
    const burst = Math.max(1, Math.ceil(run.ratePerSecond));
    const toSend = Math.min(due, burst);
    run.issued += Math.max(0, due);
    for (let i = 0; i < toSend; i += 1) this.send(run);
    if (now >= run.endsAt) this.end(run, 'duration');
  }

  /** Reads the scope again: false (and the generator ended) once it is gone; a new address is followed. */
  private followScope(run: Run, now: number): boolean {
    run.lastScopeCheck = now;
    const scope = this.store.scopes.get(run.scopeId);
    const address = scope?.domain;
    if (
      scope === undefined ||
      goneStatuses.has(scope.status) ||
      address === null ||
      address === undefined ||
      address === ''
    ) {
      this.end(run, 'scope_gone');
      return false;
    }
    run.address = address;
    return true;
  }

  private send(run: Run): void {
    run.sent += 1;
    const signal = AbortSignal.any([run.aborter.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
    // The path starts with a single `/` (contract/test-traffic.ts), so the request cannot leave the scope's address.
    fetch(`http://${run.address}${run.path}`, { signal, headers: { 'user-agent': 'np-console-test-traffic' } }).then(
      async (response) => {
        // Read to the end, so the connection goes back to the pool.
        await response.arrayBuffer().catch(() => undefined);
        if (response.status >= 500) {
          const deployment = response.headers.get('x-np-deployment-id');
          fail(run, `${response.status} from ${deployment === null ? 'the scope proxy' : `deployment ${deployment}`}`);
        }
      },
      (error: unknown) => fail(run, `no answer: ${reasonOf(error)}`),
    );
  }

  private end(run: Run, reason: TestTrafficEndReason): void {
    if (run.endedAt !== null) return;
    clearInterval(run.timer);
    run.endedAt = Math.min(this.now(), run.endsAt);
    run.endReason = reason;
  }
}

function fail(run: Run, reason: string): void {
  run.failed += 1;
  run.lastFailure = reason;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `timed out after ${REQUEST_TIMEOUT_MS / 1000} s`;
    if (error.name === 'AbortError') return 'the console stopped';
    const cause = error.cause;
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
    return error.message;
  }
  return String(error);
}

function describe(scopeId: number, run: Run | undefined): TestTrafficStatus {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    scope_id: scopeId,
    running: run !== undefined && run.endedAt === null,
    rate_per_second: run?.ratePerSecond ?? null,
    duration_seconds: run?.durationSeconds ?? null,
    path: run?.path ?? null,
    address: run?.address ?? null,
    started_at: iso(run?.startedAt ?? null),
    ends_at: iso(run?.endsAt ?? null),
    ended_at: iso(run?.endedAt ?? null),
    end_reason: run?.endReason ?? null,
    sent: run?.sent ?? 0,
    failed: run?.failed ?? 0,
    last_failure: run?.lastFailure ?? null,
  };
}
