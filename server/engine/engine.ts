/**
 * The deployment engine: a reconciler that makes the world (instance processes, each scope's proxy weights) match
 * what the database holds, and records in the database what really happened.
 *
 * The HTTP layer only records intent (a new deployment in `creating`, a requested `finalizing`, a desired traffic
 * share). Every store change made by someone else, instance health change and due timer schedules a reconcile of the
 * affected scope. Reconciles of one scope never overlap, and a reconcile is idempotent, so a burst of triggers
 * collapses into one more pass. The engine's own writes schedule nothing: a pass that moves a deployment to a status
 * with a next step of its own asks for the next pass itself (`passAgain`). After a crash the same pass, run for every
 * scope at start-up, picks every deployment up where it was.
 *
 * Time is the store's clock (`store.now()`), the one the deployments' timestamps are written with.
 */
import { TRAFFIC_WINDOW_SECONDS } from '@contract/console';
import type { Deployment } from '@contract/deployment';
import {
  findTransition,
  isDeploymentStatus,
  type DeploymentStatus,
  type DeploymentStrategy,
} from '@contract/deployment-lifecycle';
import type { Scope } from '@contract/scope';
import { AUTO_SWITCH_CLOCK_KEY, readStrategyParameters } from '@contract/strategy-parameters';

import { engineActor, outsideAudit, runAs } from '../audit/audit-context';
import { resolveAssetLaunch } from './asset-launch';
import { AT_FULL_TRAFFIC_MESSAGE, nextAutoStep } from './auto-switch';
import type { Store } from '../store/store';
import { type InstanceGroups } from './instance-groups';
import { nextCheckAt } from './metric-cadence';
import { measure } from './metric-measures';
import { brokenRuleMessage, evaluateRules } from './metric-rules';
import { type ScopeProxies } from './scope-proxies';
import { candidateShare, scopeSplit } from './scope-routing';

export type EngineOptions = {
  host: string;
  healthTimeoutMs: number;
  drainTimeoutMs: number;
  /** Folders beside demo-apps/ that `file:` assets may run from (NP_CONSOLE_ASSET_ROOTS). */
  assetRoots: readonly string[];
  /** NP_CONSOLE_METRIC_CHECK_INTERVAL: replaces the reference's check cadence (tests, demos); undefined keeps it. */
  metricCheckIntervalMs?: number | undefined;
  /** NP_CONSOLE_METRIC_MIN_REQUESTS: fewer requests in the window, and request metrics are not judged. */
  metricMinRequests: number;
  log: (line: string) => void;
};

type PassState = { running: boolean; again: boolean; done: Promise<void> };

/** What the engine has done since it started: reconcile passes, and routes sent to the scopes' proxies. */
export type EngineActivity = { passes: number; splitsApplied: number };

export class DeploymentEngine {
  private readonly pending = new Map<number, PassState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly unlaunchable = new Set<number>();
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  /** True while the engine's own write commits: the changes it makes are no news to the engine. */
  private writingOwn = false;
  private readonly counts: EngineActivity = { passes: 0, splitsApplied: 0 };
  /** Scopes whose current pass asked for the next one itself (`passAgain`). */
  private readonly followUps = new Set<number>();

  constructor(
    private readonly store: Store,
    readonly groups: InstanceGroups,
    readonly proxies: ScopeProxies,
    private readonly options: EngineOptions,
  ) {
    groups.onActivity((scopeId) => this.schedule(scopeId));
    // The counters and messages the groups write are the engine's own writes too; the activity behind them is heard.
    groups.writeWith((fn) => this.write(fn));
  }

  /** Picks up every scope and in-flight deployment from the database and starts following changes. */
  async start(): Promise<void> {
    this.unsubscribe = this.store.onChange((change) => {
      // The store delivers a write's changes before the write returns (the engine never writes while it delivers).
      if (this.writingOwn) return;
      if (change.resource === 'scope') this.schedule(change.id);
      if (change.resource === 'deployment') {
        const deployment = this.store.deployments.get(change.id);
        if (deployment) this.schedule(deployment.scope_id);
      }
    });
    // Whatever the data plane already runs is reconciled too: a scope it serves that the database no longer has
    // is closed, not left serving.
    const scopeIds = new Set([...this.store.allScopeIds(), ...this.proxies.scopeIds(), ...this.groups.scopeIds()]);
    await Promise.all([...scopeIds].map((scopeId) => this.schedule(scopeId)));
  }

  /** Stops deciding and closes every scope's address and instances. */
  async stop(): Promise<void> {
    await this.detach();
    // Scope addresses close first, so no request is sent to an instance that is about to stop.
    await this.proxies.closeAll();
    await this.groups.stopAll();
  }

  /**
   * Stops deciding and leaves the data plane as it is, serving: the console stops but keeps the data plane, or the
   * data plane is gone and a new engine takes over with a new one.
   */
  async detach(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.pending.values()].map((entry) => entry.done));
  }

  get activity(): Readonly<EngineActivity> {
    return { ...this.counts };
  }

  /** Resolves once no scope is being reconciled or waiting for a pass. */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending.values()].map((entry) => entry.done));
  }

  /** Resolves when the scope has been reconciled at least once after this call. */
  schedule(scopeId: number): Promise<void> {
    const entry = this.pending.get(scopeId);
    if (entry?.running) {
      entry.again = true;
      return entry.done;
    }
    const state: PassState = { running: true, again: false, done: Promise.resolve() };
    // Registered before the first pass starts, so that anything it does (passAgain) finds it.
    this.pending.set(scopeId, state);
    state.done = this.runPasses(scopeId, state);
    return state.done;
  }

  private async runPasses(scopeId: number, state: PassState): Promise<void> {
    do {
      state.again = false;
      if (this.stopped) break;
      try {
        this.counts.passes += 1;
        await this.reconcileScope(scopeId);
      } catch (error) {
        // A pass cut short because the engine stopped (its data plane went away) is no failure to report.
        if (!this.stopped) this.options.log(`engine: reconciling scope ${scopeId} failed: ${describe(error)}`);
      }
    } while (state.again);
    state.running = false;
    this.pending.delete(scopeId);
  }

  /** The scope being reconciled gets one more pass when this one ends: it took a step that has a next step. */
  private passAgain(scopeId: number): void {
    this.followUps.add(scopeId);
    const entry = this.pending.get(scopeId);
    if (entry?.running) entry.again = true;
    // Outside the audit context of the decision that asked for it: the pass's routine steps are nobody's decision.
    else void outsideAudit(() => this.schedule(scopeId));
  }

  /** A write of the engine's own: committed like any other, and heard by every listener but the engine. */
  private write<T>(fn: (tx: Store) => T): T {
    const outer = this.writingOwn;
    this.writingOwn = true;
    try {
      return this.store.write(fn);
    } finally {
      this.writingOwn = outer;
    }
  }

  private now(): number {
    return this.store.now().getTime();
  }

  private nowIso(): string {
    return this.store.now().toISOString();
  }

  private async reconcileScope(scopeId: number): Promise<void> {
    this.followUps.delete(scopeId);
    const scope = this.store.scopes.get(scopeId);
    if (scope === undefined || scope.status === 'deleted') {
      await this.groups.stopScope(scopeId, this.proxies.get(scopeId));
      await this.proxies.close(scopeId);
      return;
    }
    if (scope.status === 'deleting') {
      await this.deleteScope(scope);
      return;
    }
    const proxy = await this.proxies.ensure(scope, this.options.host);
    if (scope.domain !== proxy.address) {
      this.write((tx) => tx.scopes.update(scopeId, { domain: proxy.address }));
    }

    const active = this.store.deployments.activeForScope(scopeId);
    if (active) this.ensureActiveInstances(active);
    const candidate = this.store.deployments.inFlightForScope(scopeId);
    // Every pass first serves what the database holds (after a restart the proxy starts with no routes), then
    // takes the candidate's next step. This is the pass's only split: a step that changes the share (a status, an
    // automatic step) asks for another pass, which applies it.
    this.applySplit(scope, active, candidate);
    // Read again: applying the split may have recorded the share it switched.
    const next = candidate && this.store.deployments.get(candidate.id);
    if (next) await this.advance(scope, next, active);

    // A step that changes who serves (a failure, a rollback) asked for another pass: that pass applies the new split
    // first, then stops what is no longer kept. Stopping now would drain instances the proxy still sends requests to.
    if (this.followUps.has(scopeId)) return;
    // Advancing may have finalized or ended the candidate: what to keep running is read again.
    const keep = [
      this.store.deployments.activeForScope(scopeId)?.id,
      this.store.deployments.inFlightForScope(scopeId)?.id,
    ].filter((id): id is number => id !== undefined);
    await this.groups.stopOthers(scopeId, keep, proxy.proxy, this.options.drainTimeoutMs);
  }

  /** One step of the in-flight deployment's life, chosen by its status. */
  private async advance(scope: Scope, deployment: Deployment, active: Deployment | undefined): Promise<void> {
    const status = deployment.status;
    switch (status) {
      case 'creating': {
        const group = this.ensureInstances(deployment);
        if (group === undefined) return;
        if (group.launched() >= this.instanceCount(deployment)) this.transition(deployment, 'waiting_for_instances');
        else this.failIfTooSlow(deployment);
        return;
      }
      case 'waiting_for_instances': {
        const group = this.ensureInstances(deployment);
        if (group === undefined) return;
        if (group.healthyCount() >= this.instanceCount(deployment)) this.transition(deployment, 'running');
        else this.failIfTooSlow(deployment);
        return;
      }
      case 'running': {
        this.ensureInstances(deployment);
        if (deployment.strategy === 'initial') {
          this.transition(deployment, 'finalizing');
        } else if (this.hasExpired(deployment)) {
          const reason = 'the deployment reached expires_at and finalizes by itself';
          runAs(engineActor, `automatic: ${reason} (${deployment.expires_at ?? ''})`, () =>
            this.transition(deployment, 'finalizing', reason),
          );
        } else {
          this.wakeAt(scope.id, `expiry:${deployment.id}`, deployment.expires_at);
          this.takeAutoStep(deployment);
          await this.checkMetrics(scope, deployment);
        }
        return;
      }
      case 'finalizing': {
        const group = this.ensureInstances(deployment);
        if (group === undefined) return;
        // The new release takes all the traffic only once every instance can serve it (after a restart they start
        // again); until then the split stays as it was, and instances that never get there fail the deployment.
        if (group.healthyCount() < this.instanceCount(deployment)) {
          this.failIfTooSlow(deployment);
          return;
        }
        if (active) await this.groups.drainAndStop(active.id, this.proxies.get(scope.id), this.options.drainTimeoutMs);
        this.write((tx) => {
          this.transitionIn(tx, deployment, 'finalized', active ? undefined : 'all traffic on this release');
          tx.deployments.update(deployment.id, {
            status_in_scope: 'active',
            strategy_data: { desired_switched_traffic: 100 },
          });
          if (active) {
            tx.deployments.update(active.id, { status_in_scope: 'inactive' });
            tx.deployments.addMessage(active.id, 'INFO', `replaced by deployment ${deployment.id}; instances stopped`);
          }
          tx.scopes.update(scope.id, {
            active_deployment: deployment.id,
            in_progress_deployment: null,
            asset_name: deployment.asset_name ?? scope.asset_name ?? null,
          });
        });
        return;
      }
      case 'cancelling':
      case 'rolling_back': {
        await this.groups.drainAndStop(deployment.id, this.proxies.get(scope.id), this.options.drainTimeoutMs);
        const ending: DeploymentStatus = deployment.strategy === 'initial' ? 'cancelled' : 'rolled_back';
        this.write((tx) => {
          this.transitionIn(tx, deployment, ending);
          tx.deployments.update(deployment.id, {
            status_in_scope: 'inactive',
            strategy_data: { desired_switched_traffic: 0 },
          });
          tx.scopes.update(scope.id, { in_progress_deployment: null });
        });
        return;
      }
      default:
        // creating_approval and other statuses the local platform never enters: nothing to drive.
        return;
    }
  }

  /**
   * Raises the desired traffic by one automatic step when it is due; the next pass applies it. Otherwise a timer
   * brings the check back when it is due.
   */
  private takeAutoStep(deployment: Deployment): void {
    const step = nextAutoStep(deployment, this.now());
    if (step.kind === 'wait') {
      this.wakeAt(deployment.scope_id, `auto-step:${deployment.id}:${step.dueAt}`, new Date(step.dueAt).toISOString());
      return;
    }
    if (step.kind !== 'step') return;
    const reason = `automatic: traffic step +${step.stepPoints}% every ${step.intervalSeconds} s (strategy_data.parameters.traffic)`;
    runAs(engineActor, reason, () =>
      this.write((tx) => {
        tx.deployments.update(deployment.id, {
          strategy_data: { desired_switched_traffic: step.to, [AUTO_SWITCH_CLOCK_KEY]: this.nowIso() },
        });
        tx.deployments.addMessage(
          deployment.id,
          'INFO',
          `automatic traffic step: ${step.from}% → ${step.to}% to the new release (+${step.stepPoints}% every ${step.intervalSeconds} s)`,
        );
        if (step.reachedFull) tx.deployments.addMessage(deployment.id, 'INFO', AT_FULL_TRAFFIC_MESSAGE);
      }),
    );
    this.passAgain(deployment.scope_id);
  }

  /**
   * Checks the deployment's metric rules when a check is due (the last check's time is in the database, so a
   * restarted console keeps the cadence), keeps the evaluation, and rolls back on a broken rule.
   */
  private async checkMetrics(scope: Scope, deployment: Deployment): Promise<void> {
    const metrics = readStrategyParameters(deployment.strategy_data)?.metrics;
    if (metrics === undefined || !metrics.enabled || metrics.rules.length === 0) return;
    const runningSince = Date.parse(deployment.status_started_at?.['running'] ?? '') || this.now();
    const override = this.options.metricCheckIntervalMs;
    const due = nextCheckAt(runningSince, this.store.evaluations.lastEvaluatedAt(deployment.id), override);
    if (due === undefined) return;
    if (this.now() < due) {
      this.wakeAt(scope.id, `metric-check:${deployment.id}:${due}`, new Date(due).toISOString());
      return;
    }
    const report = await this.proxies.get(scope.id)?.traffic(TRAFFIC_WINDOW_SECONDS);
    if (report === undefined) return; // No address yet: the next reconcile (the proxy opening) brings the check back.
    const instances = await this.groups.snapshot(scope.id);
    const measured = measure(report.samples, deployment.id, TRAFFIC_WINDOW_SECONDS, instances);
    const evaluation = evaluateRules(
      deployment.id,
      metrics.rules,
      measured,
      TRAFFIC_WINDOW_SECONDS,
      this.options.metricMinRequests,
    );
    const broken = brokenRuleMessage(evaluation);
    const keep = () =>
      this.write((tx) => {
        tx.evaluations.insert(evaluation);
        const current = tx.deployments.get(deployment.id);
        if (broken === undefined || current?.status !== 'running') return;
        tx.deployments.addMessage(deployment.id, 'ERROR', broken);
        this.transitionIn(tx, current, 'rolling_back');
      });
    // A rollback is the engine's decision, in the audit trail with the rule; a passed check is not.
    if (broken === undefined) keep();
    else {
      runAs(engineActor, `automatic: ${broken}`, keep);
      this.passAgain(scope.id); // rolling_back: the next pass moves the traffic back and stops the new instances
      return;
    }
    // Keeping an evaluation is no change the engine hears: the next check needs its own timer.
    const next = nextCheckAt(runningSince, this.now(), override);
    if (next !== undefined)
      this.wakeAt(scope.id, `metric-check:${deployment.id}:${next}`, new Date(next).toISOString());
  }

  /** A deleted scope stops serving: its instances stop, its address closes, its active deployment is deleted. */
  private async deleteScope(scope: Scope): Promise<void> {
    await this.groups.stopScope(scope.id, this.proxies.get(scope.id));
    await this.proxies.close(scope.id);
    const active = this.store.deployments.activeForScope(scope.id);
    this.write((tx) => {
      if (active) {
        this.transitionIn(tx, active, 'deleted');
        tx.deployments.update(active.id, { status_in_scope: 'inactive' });
      }
      tx.scopes.update(scope.id, { status: 'deleted', active_deployment: null, domain: null });
    });
  }

  /** Sets the proxy's split from the database and records the share the proxy really applies. */
  private applySplit(scope: Scope, active: Deployment | undefined, candidate: Deployment | undefined): void {
    const proxy = this.proxies.get(scope.id);
    if (proxy === undefined) return;
    const share = candidate ? this.shareNow(candidate) : 0;
    const split = scopeSplit(active?.id, candidate ? { id: candidate.id, share } : undefined);
    proxy.setRoutes(this.groups.routesFor(split));
    this.counts.splitsApplied += 1;
    if (
      candidate &&
      candidate.strategy_data.switched_traffic !== share &&
      this.groups.get(candidate.id) !== undefined
    ) {
      const previous = candidate.strategy_data.switched_traffic ?? 0;
      this.write((tx) => {
        tx.deployments.update(candidate.id, { strategy_data: { switched_traffic: share } });
        tx.deployments.addMessage(candidate.id, 'INFO', `traffic switched: ${previous}% → ${share}% on this release`);
      });
    }
  }

  /** A finalizing deployment keeps the share it had until all its instances are healthy. */
  private shareNow(candidate: Deployment): number {
    const share = candidateShare(candidate);
    if (candidate.status !== 'finalizing') return share;
    const healthy = this.groups.get(candidate.id)?.healthyCount() ?? 0;
    return healthy >= this.instanceCount(candidate) ? share : (candidate.strategy_data.switched_traffic ?? 0);
  }

  /**
   * The active deployment's instances. It is never failed: if its asset can no longer run (the folder went away),
   * that is said once in its messages and the scope's next deployment can still go ahead.
   */
  private ensureActiveInstances(active: Deployment): void {
    if (this.groups.get(active.id) !== undefined) return;
    const launch = this.launchOf(active);
    if (!launch.ok) {
      if (!this.unlaunchable.has(active.id)) {
        this.unlaunchable.add(active.id);
        this.write((tx) =>
          tx.deployments.addMessage(active.id, 'ERROR', `cannot start the active release: ${launch.message}`),
        );
      }
      return;
    }
    this.unlaunchable.delete(active.id);
    this.ensureInstances(active);
  }

  /** Starts the deployment's instances unless they run already; a deployment whose asset cannot run fails. */
  private ensureInstances(deployment: Deployment) {
    const existing = this.groups.get(deployment.id);
    if (existing) return existing;
    const launch = this.launchOf(deployment);
    if (!launch.ok) {
      this.fail(deployment, launch.message);
      return undefined;
    }
    const release = this.store.releases.get(deployment.release_id);
    const group = this.groups.start(deployment, this.instanceCount(deployment), {
      ...launch.launch,
      env: {
        ...launch.launch.env,
        NP_RELEASE_SEMVER: release?.semver ?? '',
        NP_DEPLOYMENT_ID: String(deployment.id),
        NP_SCOPE_ID: String(deployment.scope_id),
      },
    });
    return group;
  }

  private launchOf(deployment: Deployment) {
    const release = this.store.releases.get(deployment.release_id);
    if (release === undefined)
      return { ok: false as const, message: `release ${deployment.release_id} no longer exists` };
    const build = this.store.builds.get(release.build_id, { withAssets: true });
    const asset = build?.assets?.find((candidate) => candidate.name === deployment.asset_name);
    if (asset === undefined) {
      return {
        ok: false as const,
        message: `build ${release.build_id} has no asset named "${deployment.asset_name ?? ''}"`,
      };
    }
    return resolveAssetLaunch(asset, { assetRoots: this.options.assetRoots });
  }

  private instanceCount(deployment: Deployment): number {
    return deployment.strategy_data.amount_instances_to_wait ?? 1;
  }

  /**
   * Fails the deployment when its instances have had the health timeout, counted from when they started or from when
   * the current status began, whichever is later; until then a timer brings the check back.
   */
  private failIfTooSlow(deployment: Deployment): void {
    const group = this.groups.get(deployment.id);
    if (group === undefined) return;
    const statusStart = Date.parse(deployment.status_started_at?.[deployment.status] ?? '') || 0;
    const deadline = Math.max(group.startedAt, statusStart) + this.options.healthTimeoutMs;
    if (this.now() < deadline) {
      this.wakeAt(
        deployment.scope_id,
        `health-timeout:${deployment.id}:${deployment.status}`,
        new Date(deadline).toISOString(),
      );
      return;
    }
    const healthy = group.healthyCount();
    const output = group.lastOutput();
    this.fail(
      deployment,
      `${healthy} of ${this.instanceCount(deployment)} instances became healthy within ${Math.round(this.options.healthTimeoutMs / 1000)} s ` +
        `(last health check: ${group.lastHealthSummary()}); the previous release keeps serving` +
        (output.length === 0 ? '' : `. Last output: ${output.join(' | ')}`),
    );
  }

  /** The next pass routes the failed deployment's share back to the active one, then stops its instances. */
  private fail(deployment: Deployment, reason: string): void {
    runAs(engineActor, `automatic: ${reason}`, () =>
      this.write((tx) => {
        tx.deployments.addMessage(deployment.id, 'ERROR', reason);
        this.transitionIn(tx, deployment, 'failed');
        tx.deployments.update(deployment.id, { status_in_scope: 'inactive' });
        tx.scopes.update(deployment.scope_id, { in_progress_deployment: null });
      }),
    );
    this.passAgain(deployment.scope_id);
  }

  private hasExpired(deployment: Deployment): boolean {
    return deployment.expires_at != null && Date.parse(deployment.expires_at) <= this.now();
  }

  /** A step to a status with a next step of its own (instances to wait for, traffic to move): another pass follows. */
  private transition(deployment: Deployment, to: DeploymentStatus, reason?: string): void {
    this.write((tx) => this.transitionIn(tx, deployment, to, reason));
    this.passAgain(deployment.scope_id);
  }

  /** Every status the engine writes goes through the lifecycle table, the same one the HTTP layer checks. */
  private transitionIn(tx: Store, deployment: Deployment, to: DeploymentStatus, reason?: string): void {
    const current = tx.deployments.get(deployment.id);
    const from = current?.status ?? deployment.status;
    if (!isDeploymentStatus(from)) throw new Error(`deployment ${deployment.id} has unknown status ${from}`);
    const transition = findTransition(from, to, deployment.strategy as DeploymentStrategy, 'platform');
    if (transition === undefined)
      throw new Error(`deployment ${deployment.id}: no platform transition ${from} → ${to}`);
    tx.deployments.update(deployment.id, { status: to });
    tx.deployments.addMessage(
      deployment.id,
      to === 'failed' ? 'ERROR' : 'INFO',
      `${from} → ${to}: ${reason ?? transition.reason}`,
    );
  }

  /** A real timer for a moment the database names (expiry, health timeout): it only schedules a reconcile. */
  private wakeAt(scopeId: number, key: string, at: string | null | undefined): void {
    if (at == null || this.timers.has(key)) return;
    const delay = Math.max(0, Date.parse(at) - this.now());
    // setTimeout holds at most ~24.8 days; a longer wait is re-armed when it fires.
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        void this.schedule(scopeId);
      },
      Math.min(delay + 10, 2_147_000_000),
    );
    timer.unref();
    this.timers.set(key, timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
