/**
 * A minimal server-sent-events client on fetch (what a browser's EventSource does, without reconnection): parses
 * `event:`/`data:` blocks and stamps each event with performance.now() the moment it is parsed.
 */
export type ReceivedEvent = { event: string; data: string; at: number };

type Waiter = { match: (event: ReceivedEvent) => boolean; resolve: (event: ReceivedEvent) => void };

export class EventStreamClient {
  private readonly waiters = new Set<Waiter>();
  private readonly controller = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async connect(url: string): Promise<EventStreamClient> {
    const client = new EventStreamClient();
    const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: client.controller.signal });
    if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status}`);
    client.done = client.read(response.body);
    return client;
  }

  /** Resolves with the first event from now on that `match` accepts. */
  next(match: (event: ReceivedEvent) => boolean, timeoutMs: number): Promise<ReceivedEvent> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done.catch(() => undefined);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.dispatch(block);
        }
      }
    } catch (error) {
      if (!this.controller.signal.aborted) throw error;
    }
  }

  private dispatch(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0) return;
    const received: ReceivedEvent = { event, data: data.join('\n'), at: performance.now() };
    for (const waiter of [...this.waiters]) {
      if (waiter.match(received)) {
        this.waiters.delete(waiter);
        waiter.resolve(received);
      }
    }
  }
}
