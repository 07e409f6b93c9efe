import { join } from 'node:path';
import { capture, startBareServer, startConsole, startSqliteServer } from './lib/console';
import { newDataDir, openStore, removeDataDirs } from './lib/data';
import { load } from './lib/load';
import { cpuMs, stopAll } from './lib/processes';
import { loadavg } from 'node:os';

const root = process.cwd();
const dataDir = newDataDir('scratch');
const store = openStore(dataDir);
store.write((tx) => {
  const app = tx.applications.insert({ name: 'a', namespace_id: 1 });
  const build = tx.builds.insert({ application_id: app.id, status: 'successful', branch: 'main', commit: { id: 'x', permalink: null } });
  tx.assets.insert({ build_id: build.id, name: 'main', type: 'docker-image', url: 'file:demo-apps/greeter' });
  const rel = tx.releases.insert({ application_id: app.id, build_id: build.id, semver: '1.0.0' });
  const scope = tx.scopes.insert({ application_id: app.id, name: 's', type: 'web_pool_k8s' });
  const d = tx.deployments.insert({ scope_id: scope.id, release_id: rel.id, asset_name: 'main', status: 'failed', status_in_scope: 'inactive' });
  tx.deployments.update(d.id, { strategy_data: { desired_switched_traffic: 30, switched_traffic: 30 } });
});
store.close();
const c = await startConsole({ root, dataDir, label: 'console', env: { ...(process.env.PROFILE ? {} : {}) } });
const path = '/api/deployment/1';
const canned = await capture(`${c.url}${path}`);
console.log(canned.status, canned.body.length);
const bare = await startBareServer(root, canned, newDataDir('b'));
const sqlite = await startSqliteServer(root, join(dataDir, 'np-console.db'), canned.headers, newDataDir('s'));
const targets = [
  { name: 'console', url: `${c.url}${path}`, pid: c.pid },
  { name: 'sqlite', url: `${sqlite.url}${path}`, pid: sqlite.pid },
  { name: 'bare', url: `${bare.url}${path}`, pid: bare.pid },
];
const amount = Number(process.env.AMOUNT ?? 60000);
for (const t of targets) await load({ url: t.url, connections: 10, amount: 20000 });
const res: Record<string, number[]> = {};
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  for (const t of targets) {
    const before = cpuMs(t.pid);
    const r = await load({ url: t.url, connections: 10, amount });
    const us = ((cpuMs(t.pid) - before) * 1000) / r.requests;
    (res[t.name] ??= []).push(us);
    console.log(t.name, Math.round(r.requestsPerSecond), 'req/s', us.toFixed(1), 'µs/req', 'load', loadavg()[0]?.toFixed(2));
  }
}
for (const [k, v] of Object.entries(res)) console.log(k, 'median µs/req', [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]?.toFixed(1));
await Promise.all([bare.stop(), sqlite.stop(), c.stop()]);
await stopAll();
removeDataDirs();
