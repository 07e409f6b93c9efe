/**
 * `GET /console/release-diff?from_release_id=&to_release_id=`: "what am I deploying", the commits between two
 * releases of one application (contract/release-diff.ts, server/release-diff/). Local platform only: in connected
 * mode the SPA links the repository host's compare page itself.
 */
import { consolePaths } from '@contract/console';
import { releaseDiffQuerySchema, releaseDiffSchema } from '@contract/release-diff';
import { releaseDiff } from '../release-diff/release-diff';
import { endpoint, json } from './endpoint';
import { badRequest, notFound } from './errors';
import { RELEASE_DIFF_LOCAL_ONLY } from './local-only';

export const releaseDiffEndpoints = [
  endpoint({
    method: 'get',
    path: consolePaths.releaseDiff,
    localOnly: RELEASE_DIFF_LOCAL_ONLY,
    tag: 'console',
    summary: "The commits between two releases: from git, or the repository host's compare page (local platform)",
    description: 'Both releases must be of one application (400).',
    query: releaseDiffQuerySchema,
    response: json(releaseDiffSchema),
    errors: { 404: 'No release with one of the ids' },
    examples: [{ summary: 'From release 1 to release 2', query: { from_release_id: '1', to_release_id: '2' } }],
    handle: async ({ query }, _c, { store, assetRoots }) => {
      const from = store.releases.get(query.from_release_id);
      if (from === undefined) throw notFound('release', query.from_release_id);
      const to = store.releases.get(query.to_release_id);
      if (to === undefined) throw notFound('release', query.to_release_id);
      if (from.application_id !== to.application_id) {
        throw badRequest(
          `release ${from.id} belongs to application ${from.application_id} and release ${to.id} to application ${to.application_id}: ` +
            'only releases of one application can be compared',
        );
      }
      return releaseDiff(store, from, to, { assetRoots });
    },
  }),
];
