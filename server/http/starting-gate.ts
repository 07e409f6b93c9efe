/**
 * The console binds its port before it touches the data folder (a taken port then changes nothing on disk), and
 * builds its app only after the folder is locked and the database open. Until then, requests that arrive are answered
 * 503 with a JSON message and `Retry-After`, as a console that is starting.
 */
import type { getRequestListener } from '@hono/node-server';

type FetchCallback = Parameters<typeof getRequestListener>[0];

export type StartingGate = {
  /** What the HTTP server calls: the app once it is ready, a 503 until then. */
  fetch: FetchCallback;
  /** Hands every later request to the app. */
  open(app: FetchCallback): void;
};

export function startingGate(): StartingGate {
  let app: FetchCallback | undefined;
  return {
    fetch: (...args) =>
      app === undefined
        ? Response.json(
            { message: 'np-console is starting; try again in a moment' },
            { status: 503, headers: { 'Retry-After': '1', 'Cache-Control': 'no-store' } },
          )
        : app(...args),
    open: (ready) => {
      app = ready;
    },
  };
}
