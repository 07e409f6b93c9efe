/**
 * Instance logs live in the data plane, not in the console: with real processes, a console killed with SIGKILL
 * leaves the runtime capturing what the instances say (one is killed and restarted meanwhile), and the next console
 * on the data folder reads all of it.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { logPageSchema } from '@contract/instance-logs';
import { findFreePort } from '../runtime/free-port';
import {
  apiOf,
  cleanUpConsoles,
  healthyPids,
  newDataDir,
  seedGreeterScope,
  startConsoleProcess,
  waitFor,
} from '../testing/console-process';

afterEach(cleanUpConsoles);

describe('instance logs across a console crash', () => {
  it('keeps capturing while no console runs, and the next console reads what happened meanwhile', async () => {
    const dataDir = newDataDir('logs-kill');
    const first = await startConsoleProcess(dataDir, await findFreePort());
    const scope = await seedGreeterScope(first.url);
    const [victim] = await healthyPids(first.url, scope.scopeId, 2);
    const logsPath = `/console/deployment/${scope.blueId}/logs?limit=1000`;
    const before = logPageSchema.parse((await apiOf(first.url).call('GET', logsPath)).body);
    expect(before.results.filter((result) => / listening on /.test(result.line))).toHaveLength(2);

    first.child.kill('SIGKILL');
    await first.exited;
    // No console: the runtime restarts the killed instance on its own and logs it.
    if (victim === undefined) throw new Error('no instance');
    process.kill(victim, 'SIGKILL');

    const second = await startConsoleProcess(dataDir, await findFreePort());
    const after = await waitFor('the restart in the log', async () => {
      const page = logPageSchema.parse((await apiOf(second.url).call('GET', logsPath)).body);
      return page.results.filter((result) => / listening on /.test(result.line)).length === 3 ? page : undefined;
    });
    expect(after.results.slice(0, before.results.length)).toEqual(before.results);
    const meanwhile = after.results.slice(before.results.length).map((result) => `${result.stream}: ${result.line}`);
    expect(meanwhile).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^platform: killed by signal SIGKILL; restarting in \d+ ms$/),
        expect.stringMatching(/^platform: restarted: pid \d+ on port \d+$/),
      ]),
    );
  });
});
