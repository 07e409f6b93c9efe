/**
 * `GET /console/deployment/:id/logs`: what a deployment's instances wrote to stdout and stderr (contract/instance-logs.ts),
 * read from the data plane, which keeps it in memory and in `<data folder>/logs` whether the instances still run or
 * not, and whatever happened to the console meanwhile. The stream form (`/logs/stream`, or the same path with
 * `Accept: text/event-stream`) sends the same pages as server-sent events (`event: lines`, `id:` the cursor, so a
 * reconnecting EventSource goes on where it was) as new lines come.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';

import type { Deployment } from '@contract/deployment';
import { type LogPage, type LogQuery, logPageSchema, logQuerySchema, MAX_LOG_LIMIT } from '@contract/instance-logs';
import type { LogRead } from '../runtime/log-read';
import { endpoint, eventStream, json, pathId } from './endpoint';
import { HttpError, notFound } from './errors';
import { DEFAULT_PING_INTERVAL_MS } from './events-route';
import { LOGS_IN_NULLPLATFORM } from './local-only';
import type { AppDeps } from './route-deps';

/** How often a stream asks the data plane for new lines. */
const FOLLOW_INTERVAL_MS = 500;

const logErrors = {
  404: 'No deployment with this id, or no such instance in it',
} as const;

async function answerLogs(
  c: Context,
  deps: AppDeps,
  deploymentId: number,
  query: LogQuery,
  stream: boolean,
): Promise<LogPage | Response> {
  const deployment = deps.store.deployments.get(deploymentId);
  if (deployment === undefined) throw notFound('deployment', deploymentId);
  // Checked before a stream opens, so that a bad request is a 4xx a client can read rather than a stream.
  const first = await readPage(deps, deployment, query);
  if (stream || (c.req.header('accept') ?? '').includes('text/event-stream'))
    return follow(c, deps, deployment, query, first);
  return first;
}

export const instanceLogsEndpoints = [
  endpoint({
    method: 'get',
    path: '/console/deployment/:id/logs',
    localOnly: LOGS_IN_NULLPLATFORM,
    tag: 'console',
    summary: "What a deployment's instances wrote (stdout, stderr): the last lines, or those after `since`",
    description:
      'With `Accept: text/event-stream` the answer is the stream form (see /logs/stream). 503 when the data plane ' +
      'cannot be asked (it is being replaced).',
    params: { id: pathId('id') },
    query: logQuerySchema,
    response: json(logPageSchema),
    errors: logErrors,
    examples: [
      {
        summary: "The last 50 lines of deployment 1's instance 0",
        params: { id: 1 },
        query: { instance: '0', limit: '50' },
      },
    ],
    // A client that asks for the stream form on this path (`Accept: text/event-stream`) gets the stream.
    handle: ({ params, query }, c, deps) => answerLogs(c, deps, params.id, query, false),
  }),
  endpoint({
    method: 'get',
    path: '/console/deployment/:id/logs/stream',
    localOnly: LOGS_IN_NULLPLATFORM,
    tag: 'console',
    summary:
      "A deployment's instance logs as they come (server-sent events; also `Accept: text/event-stream` on /logs)",
    params: { id: pathId('id') },
    query: logQuerySchema,
    response: eventStream(
      logPageSchema,
      'One `event: lines` per batch of new lines (`id`: the cursor); `data` is this object',
    ),
    errors: logErrors,
    examples: [{ summary: "Follow deployment 1's instance 0", params: { id: 1 }, query: { instance: '0' } }],
    handle: async ({ params, query }, c, deps) => {
      const answer = await answerLogs(c, deps, params.id, query, true);
      if (!(answer instanceof Response)) throw new Error('the stream form answers with a stream');
      return answer;
    },
  }),
];

async function readPage(deps: AppDeps, deployment: Deployment, query: LogQuery): Promise<LogPage> {
  const { instance, since, limit } = query;
  let read: LogRead;
  try {
    read = (await deps.runtimeView.logs?.(deployment.id, { instance, since, limit })) ?? {
      instances: [],
      results: [],
      next: since ?? 0,
      hasMore: false,
    };
  } catch (error) {
    throw new HttpError(
      503,
      `the data plane could not be asked for the logs (${error instanceof Error ? error.message : String(error)}); try again`,
    );
  }
  // The instances it ran (files and memory), and those it is meant to run, which may not have written anything yet.
  const planned = Array.from({ length: deployment.strategy_data.amount_instances_to_wait ?? 1 }, (_, index) => index);
  const instances = [...new Set([...read.instances, ...planned])].sort((a, b) => a - b);
  if (instance !== undefined && !instances.includes(instance)) {
    throw new HttpError(
      404,
      `deployment ${deployment.id} has no instance ${instance} (its instances: ${instances.join(', ')})`,
    );
  }
  return {
    deployment_id: deployment.id,
    instances,
    results: read.results.map((entry) => ({
      seq: entry.seq,
      instance: entry.instance,
      stream: entry.stream,
      timestamp: new Date(entry.timestamp).toISOString(),
      line: entry.line,
    })),
    paging: { limit, since: since ?? null, next: read.next, has_more: read.hasMore },
  };
}

function follow(c: Context, deps: AppDeps, deployment: Deployment, query: LogQuery, first: LogPage) {
  // A reconnecting EventSource says where it was: the lines after that, rather than the query's start again.
  const lastEventId = /^\d{1,15}$/.exec(c.req.header('last-event-id') ?? '')?.[0];
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let open = true;
    const close = () => {
      open = false;
    };
    stream.onAbort(close);
    c.req.raw.signal.addEventListener('abort', close, { once: true });
    const ping = setInterval(() => void stream.write(': ping\n\n'), deps.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
    try {
      let cursor: number;
      if (lastEventId === undefined) {
        await send(stream, first);
        cursor = first.paging.next;
      } else {
        cursor = Number(lastEventId);
        await stream.write(': connected\n\n');
      }
      let unavailable = false;
      while (open && !stream.aborted && !stream.closed) {
        try {
          const page = await readPage(deps, deployment, { ...query, since: cursor, limit: MAX_LOG_LIMIT });
          unavailable = false;
          if (page.results.length > 0) await send(stream, page);
          cursor = page.paging.next;
          if (page.paging.has_more) continue;
        } catch (error) {
          // Said once per outage (the data plane is being replaced); the stream goes on and catches up after it.
          if (!unavailable)
            await stream.writeSSE({ event: 'unavailable', data: JSON.stringify({ message: messageOf(error) }) });
          unavailable = true;
        }
        await stream.sleep(FOLLOW_INTERVAL_MS);
      }
    } finally {
      clearInterval(ping);
    }
  });
}

function send(stream: SSEStreamingApi, page: LogPage): Promise<void> {
  return stream.writeSSE({ event: 'lines', id: String(page.paging.next), data: JSON.stringify(page) });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
