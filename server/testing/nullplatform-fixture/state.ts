/**
 * The fixture's memory: the seeded organization, a clock that only moves when something changes (so every answer is
 * the same on every run), the steps each deployment will take on its next reads, and new ids.
 */
import type { Deployment, DeploymentStatus } from './shapes/deployment';
import { IN_FLIGHT_STATUSES } from './shapes/deployment';
import { seedWorld, type World } from './world';

/**
 * What a deployment does on one of its next reads. nullplatform's agents move deployments asynchronously; the fixture
 * moves them when they are read instead of on timers, so a test sees every intermediate status, always in order.
 */
export type Step = { kind: 'status'; to: DeploymentStatus } | { kind: 'traffic' };

/** Just after the newest seeded object: new objects get times from here on. */
const CLOCK_START = Date.parse('2026-01-20T15:00:00.000Z');
/** New objects' ids: large, like nullplatform's, and above every seeded one. */
const FIRST_NEW_ID = 1_990_000_001;

export class FixtureState {
  world: World = seedWorld();
  private steps = new Map<number, Step[]>();
  private clock = CLOCK_START;
  private lastId = FIRST_NEW_ID - 1;

  /** Back to the seeded organization, as if just started. */
  reset(): void {
    this.world = seedWorld();
    this.steps.clear();
    this.clock = CLOCK_START;
    this.lastId = FIRST_NEW_ID - 1;
  }

  /** An ISO time one second after the last one handed out. */
  now(): string {
    this.clock += 1_000;
    return new Date(this.clock).toISOString();
  }

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  queueSteps(deploymentId: number, steps: Step[]): void {
    this.steps.set(deploymentId, [...(this.steps.get(deploymentId) ?? []), ...steps]);
  }

  /** Drops what a deployment was going to do (a cancel overrides it). */
  clearSteps(deploymentId: number): void {
    this.steps.delete(deploymentId);
  }

  takeStep(deploymentId: number): Step | undefined {
    const queue = this.steps.get(deploymentId);
    const step = queue?.shift();
    if (queue !== undefined && queue.length === 0) this.steps.delete(deploymentId);
    return step;
  }

  /** The deployment serving the scope (its `status_in_scope` is `active`). */
  activeDeployment(scopeId: number): Deployment | undefined {
    return this.world.deployments.find(
      (candidate) => candidate.scope_id === scopeId && candidate.status_in_scope === 'active',
    );
  }

  /** The scope's deployment that has not ended yet, if any (one at a time per scope). */
  inFlightDeployment(scopeId: number): Deployment | undefined {
    return this.world.deployments.find(
      (candidate) => candidate.scope_id === scopeId && IN_FLIGHT_STATUSES.has(candidate.status),
    );
  }
}
