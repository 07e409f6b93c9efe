import { assetSchema, createBuildAssetBodySchema } from '@contract/asset';
import {
  buildListQuerySchema,
  buildSchema,
  type BuildStatus,
  buildStatuses,
  buildTransitions,
  createBuildBodySchema,
  patchBuildBodySchema,
} from '@contract/build';
import { listEnvelopeSchema } from '@contract/common';
import { addAsset, ASSET_RULES } from './assets-routes';
import { endpoint, json, pathId } from './endpoint';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope } from './route-deps';

const tag = 'build';
const params = { id: pathId('id') };

export const buildEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/build',
    tag,
    summary: 'List builds, newest first',
    query: buildListQuerySchema,
    response: json(listEnvelopeSchema(buildSchema)),
    examples: [
      {
        summary: "An application's finished builds",
        query: { application_id: '1', status: 'successful,failed', sort: 'created_at:desc' },
      },
    ],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.builds.list(query)),
  }),

  endpoint({
    method: 'post',
    path: '/api/build',
    tag,
    summary: 'Create a build',
    body: createBuildBodySchema,
    response: json(buildSchema, 'The build created'),
    errors: { 404: 'No application with this application_id' },
    examples: [
      {
        summary: 'A build that CI has finished',
        body: {
          application_id: 1,
          status: 'successful',
          branch: 'main',
          commit: { id: '4f2a9c1', permalink: 'https://github.com/acme/checkout/commit/4f2a9c1' },
        },
      },
    ],
    handle: ({ body }, _c, { store }) =>
      store.write((tx) => {
        if (tx.applications.get(body.application_id) === undefined) throw notFound('application', body.application_id);
        return tx.builds.insert({
          application_id: body.application_id,
          status: body.status,
          branch: body.branch,
          commit: { id: body.commit.id, permalink: body.commit.permalink ?? null },
          description: body.description ?? null,
          metadata: body.metadata ?? {},
        });
      }),
  }),

  endpoint({
    method: 'get',
    path: '/api/build/:id',
    tag,
    summary: 'Read a build with its assets',
    params,
    response: json(buildSchema),
    errors: { 404: 'No build with this id' },
    examples: [{ summary: 'Build 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const build = store.builds.get(id, { withAssets: true });
      if (build === undefined) throw notFound('build', id);
      return build;
    },
  }),

  endpoint({
    method: 'patch',
    path: '/api/build/:id',
    tag,
    summary: 'Change a build (its status only moves forward)',
    description:
      'A build only moves forward: pending → in_progress, failed or successful; in_progress → failed or successful; ' +
      'failed and successful are final (409 otherwise). An `id` in the body must be the one in the path (400).',
    params,
    body: patchBuildBodySchema,
    response: json(buildSchema, 'The build as changed, with its assets'),
    errors: { 404: 'No build with this id', 409: 'The status cannot move from the current one to the one asked for' },
    examples: [
      { summary: 'CI started the pending build 2', params: { id: 2 }, body: { id: 2, status: 'in_progress' } },
    ],
    handle: ({ params: { id }, body }, _c, { store }) => {
      if (body.id !== undefined && body.id !== id) {
        throw badRequest(`id: the body's id (${body.id}) is not the build in the path (${id})`);
      }
      return store.write((tx) => {
        const current = tx.builds.get(id);
        if (current === undefined) throw notFound('build', id);
        if (body.status !== undefined && body.status !== current.status) {
          const from = current.status as BuildStatus;
          const allowed = (buildStatuses as readonly string[]).includes(from) ? buildTransitions[from] : [];
          if (!allowed.includes(body.status)) {
            throw conflict(
              `build ${id} cannot go from ${current.status} to ${body.status}` +
                (allowed.length === 0
                  ? ` (${current.status} is final)`
                  : ` (from ${current.status} it can go to ${allowed.join(', ')})`),
            );
          }
        }
        tx.builds.update(id, { status: body.status, description: body.description, metadata: body.metadata });
        const changed = tx.builds.get(id, { withAssets: true });
        if (changed === undefined) throw notFound('build', id);
        return changed;
      });
    },
  }),

  endpoint({
    method: 'post',
    path: '/api/build/:id/asset',
    tag,
    summary: 'Add an asset to a build',
    description: `${ASSET_RULES} A \`build_id\` in the body must be the one in the path (400).`,
    params,
    body: createBuildAssetBodySchema,
    response: json(assetSchema, 'The asset created'),
    errors: { 404: 'No build with this id', 409: 'The build already has an asset of this name' },
    examples: [
      {
        summary: 'A second asset that runs the demo greeter',
        params: { id: 1 },
        body: { name: 'worker', type: 'bundle', url: 'file:demo-apps/greeter' },
      },
    ],
    handle: ({ params: { id }, body }, _c, { store, assetRoots }) => {
      if (body.build_id !== undefined && body.build_id !== id) {
        throw badRequest(`build_id: the body's build_id (${body.build_id}) is not the build in the path (${id})`);
      }
      return addAsset(store, assetRoots, id, body);
    },
  }),
];
