/** The deployment page's test platform: greeter, production serving 1.1.0, and a blue/green of 1.2.0 running at 0%. */
import type { Deployment } from '@contract/deployment';
import { screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';

import { buildApplication, buildBuild, buildDeployment, buildRelease, buildRuntime, buildScope } from '@/testing/data';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

export const t0 = Date.parse('2026-01-01T10:00:00.000Z');
const iso = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

export type Overrides = Partial<Deployment>;

/** greeter: production serves 1.1.0 (deployment 70); deployment 71 is a blue/green of 1.2.0, running at 0%. */
export function seed(overrides: Overrides = {}) {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
  db.builds.push(
    buildBuild({
      id: 50,
      application_id: 1,
      branch: 'main',
      commit: { id: 'abcdef1234567890', permalink: 'https://git.example/c/abcdef1' },
    }),
  );
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.1.0' }),
    buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.2.0' }),
  );
  const deployment = buildDeployment({
    id: 71,
    scope_id: 11,
    release_id: 61,
    application_id: 1,
    status: 'running',
    status_in_scope: 'candidate',
    strategy: 'blue_green',
    asset_name: 'main',
    strategy_data: {
      desired_switched_traffic: 0,
      switched_traffic: 0,
      amount_instances_to_wait: 2,
      launched_instances: 2,
      healthy_instances: 1,
    },
    // Deliberately out of order: the page orders the steps by time.
    status_started_at: { running: iso(9), creating: iso(0), waiting_for_instances: iso(1) },
    messages: [
      { level: 'ERROR', message: 'instance 1 answered 503 on /health', timestamp: t0 + 5_000 },
      { level: 'INFO', message: 'starting 2 instances', timestamp: t0 + 500 },
    ],
    ...overrides,
  });
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 60, application_id: 1, status: 'finalized' }),
    deployment,
  );
  db.scopes.push(
    buildScope({ id: 11, application_id: 1, name: 'production', active_deployment: 70, in_progress_deployment: 71 }),
  );
  db.runtimes.push(
    buildRuntime({
      scope_id: 11,
      instances: [
        {
          deployment_id: 71,
          index: 0,
          pid: 10,
          port: 4100,
          state: 'healthy',
          restarts: 0,
          last_health: { at: t0, status_code: 200, error: null },
        },
        { deployment_id: 71, index: 1, pid: 11, port: 4101, state: 'starting', restarts: 1, last_health: null },
        { deployment_id: 70, index: 0, pid: 9, port: 4000, state: 'healthy', restarts: 0, last_health: null },
      ],
    }),
  );
  return deployment;
}

export function trafficHandler(counts: Record<string, number> = { '70': 7, '71': 3 }) {
  return http.get('/console/traffic', ({ request }) =>
    HttpResponse.json({
      scope_id: Number(new URL(request.url).searchParams.get('scope_id')),
      address: '127.0.0.1:5011',
      window_seconds: 60,
      samples: Array.from({ length: 12 }, (_, index) => ({ at: t0 + index * 1000, counts, errors: 0 })),
      totals: Object.fromEntries(Object.entries(counts).map(([id, count]) => [id, count * 12])),
      weights: { '70': 70, '71': 30 },
    }),
  );
}

/**
 * PATCH /api/deployment/:id applied to the mock platform (the split as requested, statuses as asked, automatic steps
 * on or off), at once or after `delayMs` (a platform slower than a double click).
 */
export function patchHandler({ delayMs = 0 }: { delayMs?: number } = {}) {
  return http.patch('/api/deployment/:id', async ({ request, params }) => {
    if (delayMs > 0) await delay(delayMs);
    const body = (await request.json()) as {
      status?: string;
      strategy_data?: { desired_switched_traffic?: number; parameters?: { traffic: { enable_auto_switch: boolean } } };
    };
    db.requests.push({ method: 'PATCH', url: new URL(request.url), body });
    const deployment = db.deployments.find((item) => String(item.id) === params.id);
    if (!deployment) return HttpResponse.json({ message: 'not found' }, { status: 404 });
    const desired = body.strategy_data?.desired_switched_traffic;
    if (desired !== undefined) {
      deployment.strategy_data = {
        ...deployment.strategy_data,
        desired_switched_traffic: desired,
        switched_traffic: desired,
      };
    }
    const autoSwitch = body.strategy_data?.parameters?.traffic.enable_auto_switch;
    const parameters = deployment.strategy_data['parameters'];
    if (autoSwitch !== undefined && typeof parameters === 'object' && parameters !== null && 'traffic' in parameters) {
      const traffic = typeof parameters.traffic === 'object' ? parameters.traffic : {};
      deployment.strategy_data = {
        ...deployment.strategy_data,
        parameters: { ...parameters, traffic: { ...traffic, enable_auto_switch: autoSwitch } },
      };
    }
    if (body.status) deployment.status = body.status;
    return new HttpResponse(null, { status: 204 });
  });
}

export async function openPage(overrides: Overrides = {}) {
  seed(overrides);
  server.use(trafficHandler(), patchHandler());
  const view = renderRoute('/deployments/71');
  await screen.findByRole('heading', { level: 1, name: /1\.2\.0/ });
  return view;
}

export const slider = () => screen.getByRole('slider', { name: 'Traffic to the new release' });
