/**
 * Crash safety: the console (server/main.ts, a real process) is SIGKILLed while clients keep a scope busy. The data
 * plane, a process of its own, keeps serving through it; the next start on the same data folder reattaches to it
 * and changes nothing that serves: same address, same split, same instance processes, not one failed request.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { findFreePort } from '../runtime/free-port';
import { startLoad } from '../runtime/test-support';
import {
  apiOf,
  cleanUpConsoles,
  healthyPids,
  newDataDir,
  seedGreeterScope,
  startConsoleProcess,
} from '../testing/console-process';

afterEach(cleanUpConsoles);

describe('console server SIGKILLed under load', () => {
  it('keeps the scope serving, and the next start reattaches: 0 failed requests, same address, split and pids', async () => {
    const dataDir = newDataDir('restart');
    const port = await findFreePort();
    const first = await startConsoleProcess(dataDir, port);
    const scope = await seedGreeterScope(first.url, 30);
    const pidsBefore = await healthyPids(first.url, scope.scopeId, 4);

    const load = startLoad(scope.port, 20);
    try {
      await load.served(300);
      first.child.kill('SIGKILL');
      await first.exited;
      // No console at all now: the scope answers by itself.
      await load.served(300);

      const second = await startConsoleProcess(dataDir, port);
      expect(second.output()).toMatch(/reattached to the running data plane/);
      const api = apiOf(second.url);
      expect((await api.scope(scope.scopeId)).domain).toBe(scope.address);
      expect(await healthyPids(second.url, scope.scopeId, 4)).toEqual(pidsBefore);
      const green = await api.deployment(scope.greenId ?? 0);
      expect(green).toMatchObject({ status: 'running', strategy_data: { switched_traffic: 30 } });

      const before = new Map(load.result.servedBy);
      await load.served(600);
      const result = await load.stop();
      expect(result.failures).toEqual([]);
      const servedSince = (id: number | undefined) =>
        (result.servedBy.get(String(id)) ?? 0) - (before.get(String(id)) ?? 0);
      const [blue, greenServed] = [servedSince(scope.blueId), servedSince(scope.greenId)];
      expect(blue + greenServed).toBeGreaterThanOrEqual(500);
      const share = (greenServed / (blue + greenServed)) * 100;
      expect(share).toBeGreaterThanOrEqual(25);
      expect(share).toBeLessThanOrEqual(35);
      // Still the very processes that served before the kill: nothing was restarted.
      expect(await healthyPids(second.url, scope.scopeId, 4)).toEqual(pidsBefore);
    } finally {
      await load.stop();
    }
  });
});
