/**
 * A console server (child process) running the demo greeter app in one scope, blue/green in progress: the "blue"
 * deployment is the scope's active one, the "green" deployment is running as the candidate, one instance each.
 * The proxy, split, live-update and API figures use it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { deploymentSchema, type Deployment } from '@contract/deployment';
import { type ConsoleHandle, startConsole, waitUntil } from './console';
import { removeLater } from './data';

export type LiveScope = {
  console: ConsoleHandle;
  /** The console's data folder (its database is `np-console.db` there). */
  dataDir: string;
  scopeId: number;
  /** host:port of the scope's weighted proxy. */
  address: string;
  blueId: number;
  greenId: number;
  /** The port of the blue deployment's one instance (straight, no proxy). */
  bluePort: number;
  bluePid: number;
  greenPid: number;
  /** The runtime process that serves the scope's address (the data plane), apart from the console. */
  runtimePid: number;
  deployment(id: number): Promise<Deployment>;
  /** Sets the green deployment's desired traffic and waits until the proxy applies it. */
  setSplit(percent: number): Promise<void>;
  stop(): Promise<void>;
};

const created = z.looseObject({ id: z.number() });

export async function startLiveScope(root: string, log: (line: string) => void): Promise<LiveScope> {
  const dataDir = mkdtempSync(join(tmpdir(), 'np-bench-live-'));
  removeLater(dataDir);
  const consoleServer = await startConsole({
    root,
    dataDir,
    label: 'console (live scope)',
    env: { NP_CONSOLE_HEALTH_INTERVAL: '500ms' },
  });
  try {
    const { json } = consoleServer;
    const application = await json('/api/application', created, 'POST', { name: 'bench-greeter', namespace_id: 1 });
    const releaseIds: number[] = [];
    for (const semver of ['1.0.0', '1.1.0']) {
      const build = await json('/api/build', created, 'POST', {
        application_id: application.id,
        status: 'successful',
        branch: 'main',
        commit: { id: `be9c4${semver.replaceAll('.', '')}` },
      });
      await json(`/api/build/${build.id}/asset`, created, 'POST', {
        name: 'main',
        type: 'docker-image',
        url: 'file:demo-apps/greeter',
      });
      const release = await json('/api/release', created, 'POST', {
        status: 'active',
        build_id: build.id,
        application_id: application.id,
        semver,
      });
      releaseIds.push(release.id);
    }
    const scope = await json('/api/scope', created, 'POST', {
      application_id: application.id,
      name: 'production',
      capabilities: { fixed_instances: 1 },
    });
    const deployment = (id: number) => json(`/api/deployment/${id}`, deploymentSchema);
    const waitFor = (id: number, done: (d: Deployment) => boolean, what: string) =>
      waitUntil(
        `deployment ${id} ${what}`,
        async () => {
          const current = await deployment(id);
          if (current.status === 'failed')
            throw new Error(`deployment ${id} failed: ${JSON.stringify(current.messages)}`);
          return done(current) ? current : undefined;
        },
        45_000,
      );

    const blue = await json('/api/deployment', created, 'POST', { scope_id: scope.id, release_id: releaseIds[0] });
    await waitFor(blue.id, (d) => d.status === 'finalized', 'finalized');
    const green = await json('/api/deployment', created, 'POST', { scope_id: scope.id, release_id: releaseIds[1] });
    await waitFor(green.id, (d) => d.status === 'running', 'running');

    const scopeRecord = await json(
      `/api/scope/${scope.id}`,
      z.looseObject({ domain: z.string().nullable().optional() }),
    );
    const address = scopeRecord.domain;
    if (!address) throw new Error(`scope ${scope.id} has no address`);
    const instances = await consoleServer.trackInstances(scope.id);
    const blueInstance = instances.find((instance) => instance.deployment_id === blue.id && instance.port !== null);
    const greenInstance = instances.find((instance) => instance.deployment_id === green.id && instance.port !== null);
    if (!blueInstance?.port || !blueInstance.pid || !greenInstance?.pid) {
      throw new Error(`the scope's instances are not all up: ${JSON.stringify(instances)}`);
    }
    const runtimePid = consoleServer.runtimePid;
    if (runtimePid === undefined) throw new Error('the console runs no runtime (no runtime.json in its data folder)');
    log(
      `live scope ready: scope ${scope.id} at ${address}, blue ${blue.id}, green ${green.id}, runtime pid ${runtimePid}`,
    );

    return {
      console: consoleServer,
      dataDir,
      scopeId: scope.id,
      address,
      blueId: blue.id,
      greenId: green.id,
      bluePort: blueInstance.port,
      bluePid: blueInstance.pid,
      greenPid: greenInstance.pid,
      runtimePid,
      deployment,
      async setSplit(percent) {
        const current = await deployment(green.id);
        if (current.strategy_data.desired_switched_traffic !== percent) {
          const response = await consoleServer.api('PATCH', `/api/deployment/${green.id}`, {
            strategy_data: { desired_switched_traffic: percent },
          });
          if (response.status !== 204)
            throw new Error(`PATCH desired traffic ${percent}%: ${response.status} ${JSON.stringify(response.body)}`);
        }
        await waitFor(green.id, (d) => d.strategy_data.switched_traffic === percent, `switched to ${percent}%`);
      },
      stop: () => consoleServer.stop(),
    };
  } catch (error) {
    await consoleServer.stop();
    throw error;
  }
}
