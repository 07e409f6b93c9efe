/**
 * Starts a whole console server (store, engine, real instances and proxies, HTTP) in a temporary data folder and
 * gives tests a small typed client for it. Everything it starts is stopped by `close()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { z } from 'zod';

import { type ActivityEntry, activityEntrySchema } from '@contract/activity';
import { listEnvelopeSchema } from '@contract/common';
import { deploymentSchema, type Deployment } from '@contract/deployment';

import { readConfig, type Config } from '../config';
import { startConsoleServer, type ConsoleServer } from '../console-server';

export type Harness = {
  server: ConsoleServer;
  dataDir: string;
  api<T>(method: string, path: string, body?: unknown, schema?: z.ZodType<T>): Promise<{ status: number; body: T }>;
  deployment(id: number): Promise<Deployment>;
  waitForDeployment(
    id: number,
    done: (deployment: Deployment) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<Deployment>;
  close(options?: { keepData?: boolean }): Promise<void>;
};

function testConfig(dataDir: string, overrides: Record<string, string> = {}): Config {
  const result = readConfig({
    PORT: '0',
    NP_CONSOLE_DATA: dataDir,
    NP_CONSOLE_SEED: 'none',
    NP_CONSOLE_HEALTH_INTERVAL: '100ms',
    NP_CONSOLE_HEALTH_TIMEOUT: '20s',
    ...overrides,
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

export async function startHarness(overrides: Record<string, string> = {}, dataDir?: string): Promise<Harness> {
  const folder = dataDir ?? mkdtempSync(join(tmpdir(), 'np-console-engine-'));
  const server = await startConsoleServer(testConfig(folder, overrides), { log: () => undefined });
  const api = async <T>(method: string, path: string, body?: unknown, schema?: z.ZodType<T>) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    const json: unknown = text === '' ? undefined : JSON.parse(text);
    return { status: response.status, body: (schema && response.ok ? schema.parse(json) : json) as T };
  };
  const deployment = async (id: number) =>
    (await api('GET', `/api/deployment/${id}?include_messages=true`, undefined, deploymentSchema)).body;
  return {
    server,
    dataDir: folder,
    api,
    deployment,
    async waitForDeployment(id, done, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last = await deployment(id);
      while (!done(last)) {
        if (Date.now() > deadline) {
          throw new Error(
            `deployment ${id} never became ${what}; it is ${last.status}: ${JSON.stringify(last.strategy_data)} ${JSON.stringify(last.messages)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
        last = await deployment(id);
      }
      return last;
    },
    async close(options = {}) {
      await server.close();
      if (!options.keepData) rmSync(folder, { recursive: true, force: true });
    },
  };
}

type Created = { id: number };

/** A deployment's audit trail, newest first (`actor`: only that actor's entries, e.g. `engine`). */
export async function activityOf(harness: Harness, deploymentId: number, actor?: string): Promise<ActivityEntry[]> {
  const query = `?deployment_id=${deploymentId}&limit=100${actor === undefined ? '' : `&actor=${actor}`}`;
  const answer = await harness.api(
    'GET',
    `/console/activity${query}`,
    undefined,
    listEnvelopeSchema(activityEntrySchema),
  );
  if (answer.status !== 200) throw new Error(`GET /console/activity answered ${answer.status}`);
  return answer.body.results;
}

/** An application with one scope and a release per given asset environment (e.g. a broken /health). */
export async function createGreeterApp(
  harness: Harness,
  releases: Array<{ semver: string; env?: Record<string, string> }>,
) {
  const { api } = harness;
  const application = (
    await api<Created>('POST', '/api/application', { name: `greeter-${Date.now()}`, namespace_id: 1 })
  ).body;
  const releaseIds: number[] = [];
  for (const release of releases) {
    const build = (
      await api<Created>('POST', '/api/build', {
        application_id: application.id,
        status: 'successful',
        branch: 'main',
        commit: { id: `c0ffee${release.semver.replaceAll('.', '')}` },
      })
    ).body;
    await api('POST', `/api/build/${build.id}/asset`, {
      name: 'main',
      type: 'docker-image',
      url: 'file:demo-apps/greeter',
      metadata: { env: release.env ?? {} },
    });
    const created = await api<Created>('POST', '/api/release', {
      status: 'active',
      build_id: build.id,
      application_id: application.id,
      semver: release.semver,
    });
    if (created.status !== 200 && created.status !== 201)
      throw new Error(`release ${release.semver}: ${JSON.stringify(created.body)}`);
    releaseIds.push(created.body.id);
  }
  const scope = (
    await api<Created & { domain: string | null }>('POST', '/api/scope', {
      application_id: application.id,
      name: 'production',
      capabilities: { fixed_instances: 2 },
    })
  ).body;
  return { applicationId: application.id, scopeId: scope.id, releaseIds };
}

/** GETs the scope's address `count` times, `concurrency` at a time, and counts responses per deployment id. */
export async function sampleScope(address: string, count: number, concurrency = 8) {
  const served = new Map<string, number>();
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      try {
        const response = await fetch(`http://${address}/api/greeting`);
        await response.arrayBuffer();
        if (!response.ok) failures += 1;
        const id = response.headers.get('x-np-deployment-id') ?? 'none';
        served.set(id, (served.get(id) ?? 0) + 1);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { served, failures };
}
