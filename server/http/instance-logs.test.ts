/**
 * `GET /console/deployment/:id/logs` and its stream form, on a whole console (store, engine, the data plane as a
 * process of its own) running the chatty fixture app as a real deployment: what its instances print is read by page,
 * by cursor and by instance, followed as it comes, quoted when a deployment fails, and still there after the console
 * restarts.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { logPageSchema, type LogPage } from '@contract/instance-logs';
import { fixturePath } from '../runtime/test-support';
import { startHarness, type Harness } from '../testing/console-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const chattyFolder = fixturePath('chatty');
type Created = { id: number };

async function start(overrides: Record<string, string> = {}, dataDir?: string): Promise<Harness> {
  harness = await startHarness({ NP_CONSOLE_ASSET_ROOTS: chattyFolder, ...overrides }, dataDir);
  return harness;
}

/** An application whose scope runs two instances of the chatty app with `env`; the deployment, once it got `until`. */
async function deployChatty(h: Harness, env: Record<string, string>, until: 'finalized' | 'failed' = 'finalized') {
  const created = async (path: string, body: unknown) => {
    const answer = await h.api<Created>('POST', path, body);
    if (answer.status !== 200) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id;
  };
  const applicationId = await created('/api/application', { name: `chatty-${Date.now()}`, namespace_id: 1 });
  const buildId = await created('/api/build', {
    application_id: applicationId,
    status: 'successful',
    branch: 'main',
    commit: { id: 'c0ffee1' },
  });
  await created(`/api/build/${buildId}/asset`, {
    name: 'main',
    type: 'docker-image',
    url: `file:${chattyFolder}`,
    metadata: { env },
  });
  const releaseId = await created('/api/release', {
    status: 'active',
    build_id: buildId,
    application_id: applicationId,
    semver: '1.0.0',
  });
  const scopeId = await created('/api/scope', {
    application_id: applicationId,
    name: 'production',
    capabilities: { fixed_instances: 2 },
  });
  const deploymentId = await created('/api/deployment', { scope_id: scopeId, release_id: releaseId });
  const deployment = await h.waitForDeployment(deploymentId, (d) => d.status === until, until);
  const scope = await h.api<{ domain: string }>('GET', `/api/scope/${scopeId}`);
  return { deployment, address: scope.body.domain };
}

async function logs(h: Harness, deploymentId: number, query = ''): Promise<LogPage> {
  const answer = await h.api('GET', `/console/deployment/${deploymentId}/logs${query}`);
  if (answer.status !== 200) throw new Error(`logs: ${answer.status} ${JSON.stringify(answer.body)}`);
  return logPageSchema.parse(answer.body);
}

async function waitForLine(h: Harness, deploymentId: number, line: string): Promise<LogPage> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await logs(h, deploymentId, '?limit=1000');
    if (page.results.some((result) => result.line === line)) return page;
    if (Date.now() > deadline)
      throw new Error(`"${line}" never came; the log has ${JSON.stringify(page.results.map((result) => result.line))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shown = (page: LogPage) => page.results.map((result) => `#${result.instance} ${result.stream}: ${result.line}`);

describe('instance logs over HTTP', () => {
  it('answers the lines by page, cursor and instance, with stderr marked, and refuses bad input with a message', async () => {
    const h = await start();
    const { deployment, address } = await deployChatty(h, { PRINT_LINES: '2' });
    for (const path of ['/one', '/two', '/warn/three'])
      expect((await fetch(`http://${address}${path}`)).status).toBe(200);
    const all = await waitForLine(h, deployment.id, 'warning: /warn/three');

    expect(all.deployment_id).toBe(deployment.id);
    expect(all.instances).toEqual([0, 1]);
    expect(shown(all)).toEqual(
      expect.arrayContaining(['#0 stdout: hello 2', '#1 stdout: hello 2', '#0 stderr: chatty: stderr works']),
    );
    const warning = all.results.find((result) => result.line === 'warning: /warn/three');
    expect(warning?.stream).toBe('stderr');
    expect(Date.parse(warning?.timestamp ?? '')).toBeGreaterThan(Date.parse(deployment.created_at ?? '') - 1000);
    expect(all.paging).toEqual({ limit: 1000, since: null, next: all.results.at(-1)?.seq, has_more: false });

    const onlyOne = await logs(h, deployment.id, '?instance=1&limit=1000');
    expect(onlyOne.results.length).toBeGreaterThan(3);
    expect(onlyOne.results.every((result) => result.instance === 1)).toBe(true);
    expect(onlyOne.results).toEqual(all.results.filter((result) => result.instance === 1));

    const lastThree = await logs(h, deployment.id, '?limit=3');
    expect(lastThree.results).toEqual(all.results.slice(-3));
    const since = all.results[1]?.seq ?? 0;
    const page = await logs(h, deployment.id, `?since=${since}&limit=2`);
    expect(page.results).toEqual(all.results.slice(2, 4));
    expect(page.paging).toEqual({ limit: 2, since, next: all.results[3]?.seq, has_more: true });
    const upToNow = await logs(h, deployment.id, `?since=${all.paging.next}`);
    expect(upToNow.results).toEqual([]);
    expect(upToNow.paging.next).toBe(all.paging.next);

    const refused: Array<[string, number, RegExp]> = [
      ['/console/deployment/999999/logs', 404, /^deployment 999999 not found$/],
      [
        `/console/deployment/${deployment.id}/logs?instance=7`,
        404,
        /^deployment \d+ has no instance 7 \(its instances: 0, 1\)$/,
      ],
      [`/console/deployment/${deployment.id}/logs?limit=0`, 400, /limit must be at least 1/],
      [`/console/deployment/${deployment.id}/logs?limit=1001`, 400, /limit must be at most 1000/],
      [`/console/deployment/${deployment.id}/logs?limit=ten`, 400, /limit must be a whole number/],
      [`/console/deployment/${deployment.id}/logs?since=2024-01-01T00:00:00Z`, 400, /since must be a line's seq/],
      [`/console/deployment/${deployment.id}/logs?since=-1`, 400, /since must be a line's seq/],
      [`/console/deployment/${deployment.id}/logs?instance=first`, 400, /instance must be an instance's number/],
      [`/console/deployment/${deployment.id}/logs?level=error`, 400, /unknown query parameter: level/],
      ['/console/deployment/abc/logs', 400, /id must be a positive integer/],
      [`/console/deployment/${deployment.id}/logs/stream?instance=9`, 404, /has no instance 9/],
    ];
    for (const [path, status, message] of refused) {
      const answer = await h.api<{ message: string }>('GET', path);
      expect(answer.status, path).toBe(status);
      expect(answer.body.message, path).toMatch(message);
    }
  });

  it('follows new lines as server-sent events, from the last lines on, on /logs/stream and with Accept: text/event-stream', async () => {
    const h = await start();
    const { deployment, address } = await deployChatty(h, {});
    await waitForLine(h, deployment.id, 'chatty: stderr works');
    for (const [path, headers] of [
      [`/console/deployment/${deployment.id}/logs/stream?limit=5`, {}],
      [`/console/deployment/${deployment.id}/logs?limit=5`, { accept: 'text/event-stream' }],
    ] as const) {
      const controller = new AbortController();
      const response = await fetch(`${h.server.url}${path}`, { headers, signal: controller.signal });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = readEvents(response);
      try {
        const first = await events.next('the last lines');
        expect(first.event).toBe('lines');
        expect(first.page.results).toHaveLength(5);
        expect(first.id).toBe(String(first.page.paging.next));
        const marker = `/follow-${Math.random().toString(36).slice(2)}`;
        await fetch(`http://${address}${marker}`);
        let seen: string[] = [];
        while (!seen.includes(`request GET ${marker}`)) {
          const next = await events.next(`the line of ${marker}`);
          expect(next.page.results.every((result) => result.seq > first.page.paging.next)).toBe(true);
          seen = [...seen, ...next.page.results.map((result) => result.line)];
        }
      } finally {
        controller.abort();
      }
    }
  });

  it('quotes the last lines of an instance in the message of a deployment that never got healthy, and keeps them', async () => {
    const h = await start({ NP_CONSOLE_HEALTH_TIMEOUT: '3s' });
    const { deployment } = await deployChatty(h, { CRASH_WITH: 'fatal: DATABASE_URL is not set' }, 'failed');
    const failure = (deployment.messages ?? []).find((message) => message.level === 'ERROR')?.message ?? '';
    expect(failure).toMatch(
      /^0 of 2 instances became healthy within 3 s .*\. Last output: .*instance #\d stderr: fatal: DATABASE_URL is not set/,
    );
    // Its instances are stopped now; what they said stays readable.
    const page = await logs(h, deployment.id, '?limit=1000');
    expect(shown(page)).toEqual(
      expect.arrayContaining([
        '#0 stderr: fatal: DATABASE_URL is not set',
        '#1 stderr: fatal: DATABASE_URL is not set',
      ]),
    );
    expect(
      page.results.some(
        (result) => result.stream === 'platform' && /^exited with code 3; restarting in \d+ ms$/.test(result.line),
      ),
    ).toBe(true);
  });

  it('still reads every line after the console stopped and came back, those printed while it was away too', async () => {
    const h = await start();
    const { deployment, address } = await deployChatty(h, {});
    const before = await waitForLine(h, deployment.id, 'chatty: stderr works');
    const dataDir = h.dataDir;
    await h.server.close({ keepDataPlane: true });
    harness = undefined;
    // No console now: the data plane serves and keeps capturing.
    expect((await fetch(`http://${address}/while-away`)).status).toBe(200);

    const again = await start({}, dataDir);
    const after = await waitForLine(again, deployment.id, 'request GET /while-away');
    expect(after.results.slice(0, before.results.length)).toEqual(before.results);
  });
});

type SseEvent = { event: string; id: string | undefined; page: LogPage };

/** The events of a text/event-stream answer, one at a time (comments skipped). */
function readEvents(response: Response) {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(what: string): Promise<SseEvent> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          const data = fields.get('data');
          if (data === undefined) continue;
          return {
            event: fields.get('event') ?? 'message',
            id: fields.get('id'),
            page: logPageSchema.parse(JSON.parse(data)),
          };
        }
        if (Date.now() > deadline) throw new Error(`no event: ${what}`);
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the stream ended before ${what}`);
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
}
