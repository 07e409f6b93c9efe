/**
 * Automatic rollback on a metric rule: the time from the first failing request of a release that fails 30% of its
 * answers to the moment all of the scope's traffic is on the old release again, beside the configured check period
 * (NP_CONSOLE_METRIC_CHECK_INTERVAL). Real processes: a console (child process) with its data plane, the demo greeter
 * (one instance per deployment), requests at a steady rate at the scope's address. Each round deploys the failing
 * release with the rule `http.error_rate greater_than 0.1`, sends half of the traffic to it, and waits for the engine
 * to roll it back. The rule is judged at the first check after the minimum request count (20) is in, so the time is
 * at most a check period plus the time to collect those requests; it also shows whether a rolled-back release still
 * gets requests (it must not).
 */
import { loadavg } from 'node:os';

import { z } from 'zod';

import { deploymentSchema, type Deployment } from '@contract/deployment';
import { type ConsoleHandle, startConsole, waitUntil } from '../lib/console';
import { newDataDir } from '../lib/data';
import { pacedRequests, type PacedSample } from '../lib/paced-requests';
import { row } from '../lib/report';
import { median } from '../lib/stats';
import type { Figure } from '../lib/types';

const CHECK_PERIOD_MS = 2_000;
const RATE_PER_SECOND = 50;
const FAIL_RATE = '0.3';
/** Requests keep coming this long after the rollback, to see that none reaches the rolled-back release. */
const AFTER_MS = 1_000;
const created = z.looseObject({ id: z.number() });
const scopeRead = z.looseObject({
  domain: z.string().nullable().optional(),
  in_progress_deployment: z.number().nullable().optional(),
});

type Round = { ms: number; requestsToBad: number; failedAfter: number; requestsAfter: number };

export const figure: Figure = {
  name: 'metric-rollback',
  title: 'automatic rollback after the first failing request',
  async run(ctx) {
    const rounds = ctx.quick ? 3 : 5;
    const loadAtStart = loadavg()[0] ?? 0;
    const dataDir = newDataDir('rollback');
    const consoleServer = await startConsole({
      root: ctx.root,
      dataDir,
      label: 'console (metric rollback)',
      env: {
        NP_CONSOLE_METRIC_CHECK_INTERVAL: `${CHECK_PERIOD_MS}ms`,
        NP_CONSOLE_METRIC_MIN_REQUESTS: '20',
        NP_CONSOLE_HEALTH_INTERVAL: '200ms',
      },
    });
    try {
      const world = await failingWorld(consoleServer);
      const results: Round[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const result = await rollbackRound(consoleServer, world);
        ctx.log(
          `metric-rollback round ${round + 1}/${rounds}: ${result.ms.toFixed(0)} ms, ${result.failedAfter} failed of ${result.requestsAfter} after`,
        );
        results.push(result);
      }
      const times = results.map((result) => result.ms);
      const failedAfter = results.reduce((sum, result) => sum + result.failedAfter, 0);
      const loadAtEnd = loadavg()[0] ?? 0;
      return {
        rows: [
          row({
            figure: `automatic rollback: first failing request → all traffic on the old release (median of ${rounds})`,
            measured: median(times),
            baseline: CHECK_PERIOD_MS,
            unit: 'ms',
            baselineLabel: 'configured check period',
            target: '≤ 1.5× check period',
            goal: { kind: 'ratio', max: 1.5 },
            details: {
              rounds: times.map((ms) => Math.round(ms)),
              rate_per_second: RATE_PER_SECOND,
              fail_rate: Number(FAIL_RATE),
              failed_after_rollback: failedAfter,
              load_average: { start: round2(loadAtStart), end: round2(loadAtEnd) },
            },
          }),
        ],
        notes: [
          `${RATE_PER_SECOND} requests/s at the scope's address, half of them to a release failing ${Number(FAIL_RATE) * 100}% of its answers; ` +
            `rule http.error_rate greater_than 0.1, checked every ${CHECK_PERIOD_MS / 1000} s once 20 requests are in`,
          `rounds (ms): ${times.map((ms) => ms.toFixed(0)).join(', ')}; requests to the failing release per round: ${results.map((result) => result.requestsToBad).join(', ')}`,
          `after each rollback: ${failedAfter} failed of ${results.reduce((sum, result) => sum + result.requestsAfter, 0)} requests (all served by the old release)`,
          `load average ${round2(loadAtStart)} at the start of this figure, ${round2(loadAtEnd)} at its end`,
        ],
      };
    } finally {
      await consoleServer.stop();
    }
  },
};

type World = { scopeId: number; address: string; goodId: number; badReleaseId: number };

/** An application with a good release serving its scope and a release that fails FAIL_RATE of its answers. */
async function failingWorld(server: ConsoleHandle): Promise<World> {
  const { json } = server;
  const application = await json('/api/application', created, 'POST', { name: 'bench-rollback', namespace_id: 1 });
  const releaseIds: number[] = [];
  for (const [semver, env] of [
    ['1.0.0', {}],
    ['1.1.0', { FAIL_RATE }],
  ] as const) {
    const build = await json('/api/build', created, 'POST', {
      application_id: application.id,
      status: 'successful',
      branch: 'main',
      commit: { id: `b0${semver.replaceAll('.', '')}` },
    });
    await json(`/api/build/${build.id}/asset`, created, 'POST', {
      name: 'main',
      type: 'docker-image',
      url: 'file:demo-apps/greeter',
      metadata: { env },
    });
    releaseIds.push(
      (
        await json('/api/release', created, 'POST', {
          status: 'active',
          build_id: build.id,
          application_id: application.id,
          semver,
        })
      ).id,
    );
  }
  const scope = await json('/api/scope', created, 'POST', {
    application_id: application.id,
    name: 'production',
    capabilities: { fixed_instances: 1 },
  });
  const good = await json('/api/deployment', created, 'POST', { scope_id: scope.id, release_id: releaseIds[0] });
  await waitForDeployment(server, good.id, (d) => d.status === 'finalized', 'finalized');
  await server.trackInstances(scope.id);
  const address = (await json(`/api/scope/${scope.id}`, scopeRead)).domain;
  if (!address) throw new Error(`scope ${scope.id} has no address`);
  return { scopeId: scope.id, address, goodId: good.id, badReleaseId: releaseIds[1] ?? 0 };
}

async function rollbackRound(server: ConsoleHandle, world: World): Promise<Round> {
  await waitUntil(
    'the scope to have nothing in flight',
    async () =>
      (await server.json(`/api/scope/${world.scopeId}`, scopeRead)).in_progress_deployment == null ? true : undefined,
    30_000,
  );
  const bad = await server.json('/api/deployment', created, 'POST', {
    scope_id: world.scopeId,
    release_id: world.badReleaseId,
    strategy_data: {
      parameters: {
        metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }] },
      },
    },
  });
  await waitForDeployment(server, bad.id, (d) => d.status === 'running', 'running');
  await server.trackInstances(world.scopeId);
  const requests = pacedRequests(`http://${world.address}/api/greeting`, RATE_PER_SECOND);
  try {
    const moved = await server.api('PATCH', `/api/deployment/${bad.id}`, {
      strategy_data: { desired_switched_traffic: 50 },
    });
    if (moved.status !== 204) throw new Error(`PATCH 50%: ${moved.status} ${JSON.stringify(moved.body)}`);
    await waitForDeployment(server, bad.id, (d) => d.status === 'rolled_back', 'rolled back by its rule');
    await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
  } finally {
    await requests.stop();
  }
  return measureRound(requests.samples, String(bad.id));
}

/** From the first failing answer of the bad release to the first request after the last one it served. */
function measureRound(samples: readonly PacedSample[], badId: string): Round {
  const sorted = [...samples].sort((a, b) => a.sentAt - b.sentAt);
  const firstFail = sorted.find((sample) => sample.deploymentId === badId && (sample.status ?? 0) >= 500);
  const lastBadIndex = sorted.findLastIndex((sample) => sample.deploymentId === badId);
  const allOld = sorted[lastBadIndex + 1];
  if (firstFail === undefined || allOld === undefined) {
    throw new Error(
      `no failing request, or none after the rollback (${sorted.length} requests, ${lastBadIndex + 1} up to the last one to deployment ${badId})`,
    );
  }
  const after = sorted.slice(lastBadIndex + 1);
  return {
    ms: allOld.sentAt - firstFail.sentAt,
    requestsToBad: sorted.filter((sample) => sample.deploymentId === badId).length,
    failedAfter: after.filter((sample) => sample.status === null || sample.status >= 500).length,
    requestsAfter: after.length,
  };
}

function waitForDeployment(
  server: ConsoleHandle,
  id: number,
  done: (d: Deployment) => boolean,
  what: string,
): Promise<Deployment> {
  return waitUntil(
    `deployment ${id} ${what}`,
    async () => {
      const current = await server.json(`/api/deployment/${id}?include_messages=true`, deploymentSchema);
      if (current.status === 'failed') throw new Error(`deployment ${id} failed: ${JSON.stringify(current.messages)}`);
      return done(current) ? current : undefined;
    },
    60_000,
  );
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
