/**
 * Connected mode's console server: exchanges NP_API_KEY for a token (a failure stops start-up with a message that
 * says what to check), then serves the SPA and forwards /api to nullplatform. No store, engine or instances: nothing
 * is written to disk.
 */
import type { Config, ConnectedConfig } from '../config';
import { advertised, allowedHostsFor, closeServer, listen } from '../http/listen';
import { findFreePort } from '../runtime/free-port';
import { createConnectedApp } from './connected-app';
import { Redactor } from './redactor';
import { UpstreamSession } from './upstream-session';

export type ConnectedConsoleServer = {
  mode: 'connected';
  url: string;
  port: number;
  /** What /console/info says: the API host and the organization the key belongs to (never the key or the token). */
  upstream: { host: string; organization_id: number | null; url?: string };
  close(): Promise<void>;
};

export type ConnectedServerOptions = {
  version: string;
  staticDir: string;
  /** Every line is scrubbed of the key and tokens before it gets here. */
  log: (line: string) => void;
};

export async function startConnectedConsoleServer(
  config: Config & { connected: ConnectedConfig },
  options: ConnectedServerOptions,
): Promise<ConnectedConsoleServer> {
  const { apiUrl, apiKey, timeoutMs } = config.connected;
  const redactor = new Redactor(apiKey);
  const log = (line: string) => options.log(redactor.scrub(line));
  const userAgent = `np-console/${options.version}`;

  const session = await UpstreamSession.open({ apiUrl, apiKey, timeoutMs, redactor, log, userAgent });

  // The Host check needs the real port, so port 0 (tests) is resolved before the app is built.
  const port = config.port === 0 ? await findFreePort(config.host) : config.port;
  const app = createConnectedApp({
    session,
    apiUrl,
    timeoutMs,
    version: options.version,
    allowedHosts: allowedHostsFor(config.host, port),
    staticDir: options.staticDir,
    redactor,
    log,
  });
  const server = await listen(app.fetch, config.host, port);

  return {
    mode: 'connected',
    url: `http://${advertised(config.host)}:${port}`,
    port,
    get upstream() {
      return { host: session.host, organization_id: session.organizationId };
    },
    close: () => closeServer(server),
  };
}
