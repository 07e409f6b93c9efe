/**
 * The console's side of the runtime's socket: numbered requests answered by the runtime, and the events it pushes.
 * Answers and events are checked against the protocol before anyone sees them.
 */
import { createConnection, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { messageOf } from './error-message';
import { readJsonLines, writeJsonLine } from './json-lines';
import {
  eventSchema,
  resultSchemas,
  responseSchema,
  type Method,
  type Params,
  type Result,
  type RuntimeEvent,
} from './protocol';

type Pending = {
  method: Method;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** Most requests are answered at once; the ones that wait on instances are bounded by the runtime itself. */
const defaultTimeoutMs = 30_000;

class RuntimeConnectionClosed extends Error {
  constructor() {
    super('the connection to the data plane (runtime) is closed');
  }
}

export class RuntimeConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: RuntimeEvent) => void>();
  private readonly closeListeners = new Set<() => void>();
  private isClosed = false;
  private closing = false;

  private constructor(
    private readonly socket: Socket,
    private readonly log: (line: string) => void,
  ) {
    readJsonLines(
      socket,
      (message) => this.receive(message),
      (reason) => {
        this.log(`data plane connection: the runtime sent ${reason}; closing it`);
        socket.destroy();
      },
    );
    socket.on('error', () => {
      // 'close' follows and says the same; the error itself has nothing to add (ECONNRESET, EPIPE).
    });
    socket.on('close', () => this.ended());
  }

  /** Connects, retrying while the runtime is still starting (no socket yet, or not listening yet), until `timeoutMs`. */
  static async connect(socketPath: string, log: (line: string) => void, timeoutMs = 0): Promise<RuntimeConnection> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return new RuntimeConnection(await openSocket(socketPath), log);
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await sleep(50);
      }
    }
  }

  get closed(): boolean {
    return this.isClosed;
  }

  request<M extends Method>(method: M, params: Params<M>, timeoutMs = defaultTimeoutMs): Promise<Result<M>> {
    if (this.isClosed) return Promise.reject(new RuntimeConnectionClosed());
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<Result<M>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the data plane did not answer ${method} within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, {
        method,
        resolve: (value) => resolve(resultSchemas[method].parse(value) as Result<M>),
        reject,
        timer,
      });
      writeJsonLine(this.socket, { id, method, params });
    });
  }

  onEvent(listener: (event: RuntimeEvent) => void): void {
    this.eventListeners.add(listener);
  }

  /** Called once when the connection ends, whoever ended it (see `closedByUs`). */
  onClose(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  /** Whether close() was called here, as opposed to the runtime going away. */
  get closedByUs(): boolean {
    return this.closing;
  }

  /** Hangs up; the runtime carries on. */
  close(): Promise<void> {
    this.closing = true;
    if (this.isClosed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.end();
      setTimeout(() => this.socket.destroy(), 1000).unref();
    });
  }

  private receive(message: unknown): void {
    const event = eventSchema.safeParse(message);
    if (event.success) {
      for (const listener of this.eventListeners) {
        // A listener that throws (a store write that fails) must cost that event, not the console process.
        try {
          listener(event.data);
        } catch (error) {
          const { event: name, deploymentId } = event.data;
          this.log(
            `data plane event ${name} for deployment ${deploymentId} could not be handled: ${messageOf(error, { stack: true })}`,
          );
        }
      }
      return;
    }
    const response = responseSchema.safeParse(message);
    if (!response.success) {
      this.log(
        `data plane connection: ignored a message that is neither an answer nor an event: ${JSON.stringify(message).slice(0, 200)}`,
      );
      return;
    }
    const pending = this.pending.get(response.data.id);
    if (pending === undefined) return; // Answered after its timeout: the caller has moved on.
    this.pending.delete(response.data.id);
    clearTimeout(pending.timer);
    if (!response.data.ok) {
      pending.reject(new Error(`data plane: ${response.data.error}`));
      return;
    }
    try {
      pending.resolve(response.data.result);
    } catch (error) {
      pending.reject(
        new Error(`data plane: the answer to ${pending.method} is not what the protocol says: ${String(error)}`),
      );
    }
  }

  private ended(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new RuntimeConnectionClosed());
    }
    this.pending.clear();
    for (const listener of this.closeListeners) listener();
  }
}

function openSocket(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}
