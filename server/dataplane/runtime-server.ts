/**
 * The runtime's side of the socket: checks each request, runs it against the DataPlaneState, answers it, and sends
 * every event to every connected console. A console that disconnects (or dies) changes nothing but the audience.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

import { DataPlaneState } from './data-plane-state';
import { messageOf } from './error-message';
import { readJsonLines, writeJsonLine } from './json-lines';
import {
  PROTOCOL_VERSION,
  isMethod,
  requestEnvelopeSchema,
  requestSchemas,
  type Hello,
  type Method,
  type Params,
  type Result,
  type RuntimeEvent,
} from './protocol';

export type RuntimeServerOptions = {
  socketPath: string;
  instanceTag: string;
  healthIntervalMs: number;
  /** `<data folder>/logs`, where the instances' output is written; undefined keeps it in memory only. */
  logsDir?: string | undefined;
  version: string;
  log: (line: string) => void;
  /** Called once a `shutdown` request has stopped everything and been answered. */
  onShutdown: () => void;
};

type Handlers = { [M in Method]: (params: Params<M>) => Result<M> | Promise<Result<M>> };

export class RuntimeServer {
  readonly startedAt = new Date().toISOString();
  private readonly clients = new Set<Socket>();
  private readonly state: DataPlaneState;
  private readonly server: Server;
  private readonly handlers: Handlers;

  constructor(private readonly options: RuntimeServerOptions) {
    this.state = new DataPlaneState({
      instanceTag: options.instanceTag,
      healthIntervalMs: options.healthIntervalMs,
      logsDir: options.logsDir,
      log: options.log,
      emit: (event) => this.broadcast(event),
    });
    this.server = createServer((socket) => this.accept(socket));
    const state = this.state;
    this.handlers = {
      hello: (): Hello => ({
        protocol: PROTOCOL_VERSION,
        version: options.version,
        pid: process.pid,
        instanceTag: options.instanceTag,
        startedAt: this.startedAt,
      }),
      snapshot: () => state.snapshot(),
      openProxy: async ({ scopeId, host, port }) => ({ port: await state.openProxy(scopeId, host, port) }),
      closeProxy: async ({ scopeId }) => {
        await state.closeProxy(scopeId);
        return {};
      },
      setRoutes: ({ scopeId, routes }) => {
        state.setRoutes(scopeId, routes);
        return {};
      },
      drain: async ({ scopeId, deploymentId, timeoutMs }) => {
        await state.drain(scopeId, deploymentId, timeoutMs);
        return {};
      },
      traffic: ({ scopeId, windowSeconds }) => state.traffic(scopeId, windowSeconds),
      instances: ({ scopeId }) => state.instances(scopeId),
      startGroup: ({ spec, startedAt }) => {
        state.startGroup(spec, startedAt);
        return {};
      },
      stopGroup: async ({ deploymentId }) => {
        await state.stopGroup(deploymentId);
        return {};
      },
      logs: (params) => state.logs(params),
      shutdown: async () => {
        options.log('shutdown requested by the console: stopping every scope address and instance');
        await state.stopEverything();
        setImmediate(() => options.onShutdown());
        return {};
      },
    };
  }

  /** Listens on the socket (a stale socket file left by a dead runtime is replaced), readable by this user only. */
  listen(): Promise<void> {
    const { socketPath } = this.options;
    rmSync(socketPath, { force: true });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(socketPath, () => {
        this.server.off('error', reject);
        // Whoever can connect can start processes: only this user may.
        chmodSync(socketPath, 0o600);
        resolve();
      });
    });
  }

  /** Stops every scope address and instance and closes the socket (SIGTERM to the runtime). */
  async stop(): Promise<void> {
    await this.state.stopEverything();
    await this.close();
  }

  /** Closes the socket and every connection; scope addresses and instances are left as they are. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // end() lets the last answers (to `shutdown`, say) reach the console; a console that never hangs up is cut off.
    for (const client of this.clients) client.end();
    const forced = setTimeout(() => {
      for (const client of this.clients) client.destroy();
    }, 1000);
    await closed;
    clearTimeout(forced);
  }

  private accept(socket: Socket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', (error) => this.options.log(`console connection: ${error.message}`));
    readJsonLines(
      socket,
      (message) => void this.handle(socket, message),
      (reason) => {
        this.options.log(`console connection closed: it sent ${reason}`);
        socket.destroy();
      },
    );
  }

  private async handle(socket: Socket, message: unknown): Promise<void> {
    const envelope = requestEnvelopeSchema.safeParse(message);
    if (!envelope.success) {
      this.options.log(
        `console connection closed: it sent a message that is no request (${envelope.error.issues[0]?.message ?? 'invalid'})`,
      );
      socket.destroy();
      return;
    }
    const { id, method, params } = envelope.data;
    try {
      if (!isMethod(method)) throw new Error(`unknown method "${method}"`);
      const result = await this.run(method, params ?? {});
      writeJsonLine(socket, { id, ok: true, result });
    } catch (error) {
      writeJsonLine(socket, { id, ok: false, error: messageOf(error) });
    }
  }

  private async run<M extends Method>(method: M, raw: unknown): Promise<Result<M>> {
    const parsed = requestSchemas[method].safeParse(raw);
    if (!parsed.success) {
      throw new Error(
        `${method}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'params'}: ${issue.message}`).join('; ')}`,
      );
    }
    const handler: (params: Params<M>) => Result<M> | Promise<Result<M>> = this.handlers[method];
    return handler(parsed.data as Params<M>);
  }

  private broadcast(event: RuntimeEvent): void {
    for (const client of this.clients) writeJsonLine(client, event);
  }
}
