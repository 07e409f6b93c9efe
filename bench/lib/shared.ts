/** Resources several figures share, started on first use; the runner stops them. */
import { buildSpa, type SpaBuild } from './spa';
import { type LiveScope, startLiveScope } from './live-scope';
import type { SharedResources } from './types';

export class Shared implements SharedResources {
  private live: Promise<LiveScope> | undefined;
  private spa: Promise<SpaBuild> | undefined;

  constructor(
    private readonly root: string,
    private readonly log: (line: string) => void,
  ) {}

  liveScope(): Promise<LiveScope> {
    this.live ??= startLiveScope(this.root, this.log);
    return this.live;
  }

  async releaseLiveScope(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (live)
      await live.then(
        (scope) => scope.stop(),
        () => undefined,
      );
  }

  spaBuild(): Promise<SpaBuild> {
    this.spa ??= buildSpa(this.root, this.log);
    return this.spa;
  }

  async close(): Promise<void> {
    await this.releaseLiveScope();
  }
}
