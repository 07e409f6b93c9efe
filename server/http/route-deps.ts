import type { Asset } from '@contract/asset';
import type { ConsoleInfo } from '@contract/console';
import type { ListEnvelope } from '@contract/common';
import type { ListResult } from '../store/sql';
import type { Store } from '../store/store';
import type { EventHub } from './events-route';
import type { RuntimeView } from './runtime-view';
import type { TestTrafficGenerators } from './test-traffic-generator';
import type { TokenIssuer } from './tokens';

/** What every endpoint's handler receives from createApp. */
export type AppDeps = {
  store: Store;
  runtimeView: RuntimeView;
  /** Expiry of new blue/green deployments; the store's own default when undefined. */
  deploymentExpiryMs: number | undefined;
  /** Why the local platform cannot run this asset, or undefined when it can. */
  checkAssetRunnable: (asset: Asset) => string | undefined;
  /** Folders besides demo-apps/ that a `file:` asset may point under (NP_CONSOLE_ASSET_ROOTS). */
  assetRoots: readonly string[];
  consoleInfo: ConsoleInfo;
  hub: EventHub;
  /** Interval of the event stream's `: ping` comments; undefined: the default. */
  pingIntervalMs: number | undefined;
  tokens: TokenIssuer;
  /** The scopes' test traffic generators (console-only; they stop with the console). */
  testTraffic: TestTrafficGenerators;
  /** The OpenAPI document of every endpoint (openapi.ts). */
  openApiDocument: () => Record<string, unknown>;
};

export function listEnvelope<T>(query: { limit: number; offset: number }, result: ListResult<T>): ListEnvelope<T> {
  return { paging: { total: result.total, offset: query.offset, limit: query.limit }, results: result.results };
}
