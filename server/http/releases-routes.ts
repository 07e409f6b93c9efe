import { listEnvelopeSchema } from '@contract/common';
import {
  createReleaseBodySchema,
  patchReleaseBodySchema,
  releaseListQuerySchema,
  releaseSchema,
} from '@contract/release';
import { endpoint, json, pathId } from './endpoint';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope } from './route-deps';

const tag = 'release';
const params = { id: pathId('id') };

export const releaseEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/release',
    tag,
    summary: 'List releases',
    query: releaseListQuerySchema,
    response: json(listEnvelopeSchema(releaseSchema)),
    examples: [
      {
        summary: "An application's active releases, highest version first",
        query: { application_id: '1', status: 'active', sort: 'semver:desc' },
      },
    ],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.releases.list(query)),
  }),

  endpoint({
    method: 'post',
    path: '/api/release',
    tag,
    summary: 'Create a release from a successful build',
    description:
      "The build must be the application's and successful (400). `v1.2.0` and `1.2.0` are the same version: one " +
      'the application already has is a 409.',
    body: createReleaseBodySchema,
    response: json(releaseSchema, 'The release created'),
    errors: { 404: 'No application or no build with these ids', 409: 'The application already has this version' },
    examples: [
      {
        summary: 'Version 2.0.0 of build 1',
        body: { status: 'active', build_id: 1, application_id: 1, semver: '2.0.0' },
      },
    ],
    handle: ({ body }, _c, { store }) =>
      store.write((tx) => {
        if (tx.applications.get(body.application_id) === undefined) throw notFound('application', body.application_id);
        const build = tx.builds.get(body.build_id);
        if (build === undefined) throw notFound('build', body.build_id);
        if (build.application_id !== body.application_id) {
          throw badRequest(
            `build ${build.id} belongs to application ${build.application_id}, not application ${body.application_id}`,
          );
        }
        if (build.status !== 'successful') {
          throw badRequest(`build ${build.id} is ${build.status}; only a successful build can be released`);
        }
        // `v1.2.0` and `1.2.0` are one version: nullplatform writes both (reference §8b).
        const existing = tx.releases.findBySemver(body.application_id, body.semver);
        if (existing !== undefined) {
          const spelled = existing.semver === body.semver ? '' : ` (as ${existing.semver})`;
          throw conflict(`release ${body.semver} already exists for application ${body.application_id}${spelled}`);
        }
        return tx.releases.insert({
          application_id: body.application_id,
          build_id: body.build_id,
          semver: body.semver,
          status: body.status,
          metadata: body.metadata ?? {},
        });
      }),
  }),

  endpoint({
    method: 'get',
    path: '/api/release/:id',
    tag,
    summary: 'Read a release',
    params,
    response: json(releaseSchema),
    errors: { 404: 'No release with this id' },
    examples: [{ summary: 'Release 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const release = store.releases.get(id);
      if (release === undefined) throw notFound('release', id);
      return release;
    },
  }),

  endpoint({
    method: 'patch',
    path: '/api/release/:id',
    tag,
    summary: 'Change a release',
    params,
    body: patchReleaseBodySchema,
    response: json(releaseSchema, 'The release as changed'),
    errors: { 404: 'No release with this id' },
    examples: [{ summary: 'Deprecate release 1', params: { id: 1 }, body: { status: 'deprecated' } }],
    handle: ({ params: { id }, body }, _c, { store }) =>
      store.write((tx) => {
        if (tx.releases.get(id) === undefined) throw notFound('release', id);
        return tx.releases.update(id, body);
      }),
  }),
];
