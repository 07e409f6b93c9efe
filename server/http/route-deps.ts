import { z } from 'zod';

import type { Asset } from '../../contract/asset';
import type { ListEnvelope } from '../../contract/common';
import type { ListResult } from '../store/sql';
import type { Store } from '../store/store';
import type { RuntimeView } from './runtime-view';

/** What every routes file receives from createApp. */
export type RouteDeps = {
  store: Store;
  runtimeView: RuntimeView;
  /** Expiry of new blue/green deployments; the store's own default when undefined. */
  deploymentExpiryMs: number | undefined;
  /** Why the local platform cannot run this asset, or undefined when it can. */
  checkAssetRunnable: (asset: Asset) => string | undefined;
  /** Folders besides demo-apps/ that a `file:` asset may point under (NP_CONSOLE_ASSET_ROOTS). */
  assetRoots: readonly string[];
};

/** `GET /:resource/:id` accepts no query parameters (unknown ones are an error, as on lists). */
export const noQuerySchema = z.strictObject({});

export function listEnvelope<T>(query: { limit: number; offset: number }, result: ListResult<T>): ListEnvelope<T> {
  return { paging: { total: result.total, offset: query.offset, limit: query.limit }, results: result.results };
}
