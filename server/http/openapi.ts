/**
 * `GET /console/openapi.json`: an OpenAPI 3.1 document generated from the contract's zod schemas (zod 4's
 * `z.toJSONSchema`: request bodies and query parameters as the server accepts them, responses as it sends them).
 * The endpoint table below is checked against the app's real routes by a test.
 */
import { z } from 'zod';

import { accountListQuerySchema, accountSchema } from '../../contract/account';
import { activityEntrySchema, activityListQuerySchema, actorListSchema } from '../../contract/activity';
import { applicationListQuerySchema, applicationSchema, createApplicationBodySchema, patchApplicationBodySchema } from '../../contract/application';
import { assetListQuerySchema, assetSchema, createAssetBodySchema, createBuildAssetBodySchema } from '../../contract/asset';
import { buildListQuerySchema, buildSchema, createBuildBodySchema, patchBuildBodySchema } from '../../contract/build';
import { errorBodySchema, listEnvelopeSchema } from '../../contract/common';
import { changeEventSchema, consoleInfoSchema, scopeRuntimeSchema, scopeTrafficSchema, trafficQuerySchema } from '../../contract/console';
import {
  createDeploymentBodySchema,
  deploymentListQuerySchema,
  deploymentReadQuerySchema,
  deploymentSchema,
  patchDeploymentBodySchema,
} from '../../contract/deployment';
import { createDeploymentStrategyBodySchema, deploymentStrategyListQuerySchema, deploymentStrategySchema } from '../../contract/deployment-strategy';
import { metricEvaluationListSchema } from '../../contract/metric-evaluation';
import { namespaceListQuerySchema, namespaceSchema } from '../../contract/namespace';
import { createReleaseBodySchema, patchReleaseBodySchema, releaseListQuerySchema, releaseSchema } from '../../contract/release';
import { releaseDiffQuerySchema, releaseDiffSchema } from '../../contract/release-diff';
import { createScopeBodySchema, patchScopeBodySchema, scopeListQuerySchema, scopeSchema } from '../../contract/scope';
import { telemetryQuerySchema, telemetryResponseSchema } from '../../contract/telemetry';
import { tokenRequestBodySchema, tokenResponseSchema } from '../../contract/token';

type Method = 'get' | 'post' | 'patch' | 'delete';

export type Endpoint = {
  method: Method;
  /** OpenAPI style: `/api/build/{id}`. */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Undefined: answered 204 with no body. */
  response?: z.ZodType;
  /** `text/event-stream` instead of JSON. */
  stream?: boolean;
  errors: number[];
};

const read = [400, 404];
const write = [400, 403, 404, 409, 415];

export const endpoints: Endpoint[] = [
  { method: 'get', path: '/api/application', tag: 'application', summary: 'List applications', query: applicationListQuerySchema, response: listEnvelopeSchema(applicationSchema), errors: [400] },
  { method: 'post', path: '/api/application', tag: 'application', summary: 'Create an application', body: createApplicationBodySchema, response: applicationSchema, errors: write },
  { method: 'get', path: '/api/application/{id}', tag: 'application', summary: 'Read an application', response: applicationSchema, errors: read },
  { method: 'patch', path: '/api/application/{id}', tag: 'application', summary: 'Change an application', body: patchApplicationBodySchema, response: applicationSchema, errors: write },

  { method: 'get', path: '/api/build', tag: 'build', summary: 'List builds, newest first', query: buildListQuerySchema, response: listEnvelopeSchema(buildSchema), errors: [400] },
  { method: 'post', path: '/api/build', tag: 'build', summary: 'Create a build', body: createBuildBodySchema, response: buildSchema, errors: write },
  { method: 'get', path: '/api/build/{id}', tag: 'build', summary: 'Read a build with its assets', response: buildSchema, errors: read },
  { method: 'patch', path: '/api/build/{id}', tag: 'build', summary: 'Change a build (its status only moves forward)', body: patchBuildBodySchema, response: buildSchema, errors: write },
  { method: 'post', path: '/api/build/{id}/asset', tag: 'build', summary: 'Add an asset to a build', body: createBuildAssetBodySchema, response: assetSchema, errors: write },

  { method: 'get', path: '/api/asset', tag: 'asset', summary: 'List assets', query: assetListQuerySchema, response: listEnvelopeSchema(assetSchema), errors: [400] },
  { method: 'post', path: '/api/asset', tag: 'asset', summary: 'Create an asset', body: createAssetBodySchema, response: assetSchema, errors: write },
  { method: 'get', path: '/api/asset/{id}', tag: 'asset', summary: 'Read an asset', response: assetSchema, errors: read },

  { method: 'get', path: '/api/release', tag: 'release', summary: 'List releases', query: releaseListQuerySchema, response: listEnvelopeSchema(releaseSchema), errors: [400] },
  { method: 'post', path: '/api/release', tag: 'release', summary: 'Create a release from a successful build', body: createReleaseBodySchema, response: releaseSchema, errors: write },
  { method: 'get', path: '/api/release/{id}', tag: 'release', summary: 'Read a release', response: releaseSchema, errors: read },
  { method: 'patch', path: '/api/release/{id}', tag: 'release', summary: 'Change a release', body: patchReleaseBodySchema, response: releaseSchema, errors: write },

  { method: 'get', path: '/api/scope', tag: 'scope', summary: 'List scopes', query: scopeListQuerySchema, response: listEnvelopeSchema(scopeSchema), errors: [400] },
  { method: 'post', path: '/api/scope', tag: 'scope', summary: 'Create a scope (the platform assigns its domain)', body: createScopeBodySchema, response: scopeSchema, errors: write },
  { method: 'get', path: '/api/scope/{id}', tag: 'scope', summary: 'Read a scope', response: scopeSchema, errors: read },
  { method: 'patch', path: '/api/scope/{id}', tag: 'scope', summary: 'Change a scope', body: patchScopeBodySchema, response: scopeSchema, errors: write },
  { method: 'delete', path: '/api/scope/{id}', tag: 'scope', summary: 'Delete a scope (refused while a deployment is in flight)', errors: [400, 403, 404, 409] },

  { method: 'get', path: '/api/deployment', tag: 'deployment', summary: 'List deployments, newest first', query: deploymentListQuerySchema, response: listEnvelopeSchema(deploymentSchema), errors: [400] },
  { method: 'post', path: '/api/deployment', tag: 'deployment', summary: 'Deploy a release to a scope', body: createDeploymentBodySchema, response: deploymentSchema, errors: write },
  { method: 'get', path: '/api/deployment/{id}', tag: 'deployment', summary: 'Read a deployment', query: deploymentReadQuerySchema, response: deploymentSchema, errors: read },
  { method: 'patch', path: '/api/deployment/{id}', tag: 'deployment', summary: 'Finalize, cancel, roll back, or move traffic', body: patchDeploymentBodySchema, errors: write },

  { method: 'get', path: '/api/deployment_strategy', tag: 'deployment_strategy', summary: 'List deployment strategies, oldest first (nrn: those that apply there)', query: deploymentStrategyListQuerySchema, response: listEnvelopeSchema(deploymentStrategySchema), errors: [400] },
  { method: 'post', path: '/api/deployment_strategy', tag: 'deployment_strategy', summary: 'Create a deployment strategy (its parameters: traffic steps and rollback rules)', body: createDeploymentStrategyBodySchema, response: deploymentStrategySchema, errors: write },
  { method: 'get', path: '/api/deployment_strategy/{id}', tag: 'deployment_strategy', summary: 'Read a deployment strategy', response: deploymentStrategySchema, errors: read },

  { method: 'get', path: '/api/account', tag: 'account', summary: 'List accounts (on the local platform: its one account)', query: accountListQuerySchema, response: listEnvelopeSchema(accountSchema), errors: [400] },
  { method: 'get', path: '/api/account/{id}', tag: 'account', summary: 'Read an account', response: accountSchema, errors: read },

  { method: 'get', path: '/api/namespace', tag: 'namespace', summary: 'List namespaces (on the local platform: the ones its applications use)', query: namespaceListQuerySchema, response: listEnvelopeSchema(namespaceSchema), errors: [400] },
  { method: 'get', path: '/api/namespace/{id}', tag: 'namespace', summary: 'Read a namespace', response: namespaceSchema, errors: read },

  { method: 'get', path: '/api/telemetry/application/{id}/metric/{name}', tag: 'telemetry', summary: "A metric at a scope's address, one value per period (http.rpm, http.error_rate, http.response_time)", query: telemetryQuerySchema, response: telemetryResponseSchema, errors: read },

  { method: 'post', path: '/api/token', tag: 'token', summary: 'Exchange an API key for an access token', body: tokenRequestBodySchema, response: tokenResponseSchema, errors: [400, 401, 403, 415] },

  { method: 'get', path: '/console/info', tag: 'console', summary: 'How this console runs', response: consoleInfoSchema, errors: [400] },
  { method: 'get', path: '/console/events', tag: 'console', summary: 'Server-sent change events (event: change)', response: changeEventSchema, stream: true, errors: [400] },
  { method: 'get', path: '/console/traffic', tag: 'console', summary: "Requests per deployment at a scope's address", query: trafficQuerySchema, response: scopeTrafficSchema, errors: read },
  { method: 'get', path: '/console/scope/{id}/runtime', tag: 'console', summary: "A scope's instances as they really run", response: scopeRuntimeSchema, errors: read },
  { method: 'get', path: '/console/deployment/{id}/evaluations', tag: 'console', summary: "Every check of a deployment's metric rules, oldest first", response: metricEvaluationListSchema, errors: read },
  { method: 'get', path: '/console/activity', tag: 'console', summary: 'The audit trail, newest first: who changed what, when, from → to, and why (local platform)', query: activityListQuerySchema, response: listEnvelopeSchema(activityEntrySchema), errors: [400] },
  { method: 'get', path: '/console/actors', tag: 'console', summary: 'Who has written: the numbers created_by/updated_by hold, with their names (local platform)', response: actorListSchema, errors: [400] },
  { method: 'get', path: '/console/release-diff', tag: 'console', summary: 'The commits between two releases: from git, or the repository host\'s compare page (local platform)', query: releaseDiffQuerySchema, response: releaseDiffSchema, errors: read },
  { method: 'get', path: '/console/openapi.json', tag: 'console', summary: 'This document', errors: [] },
];

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
}

function parameters(endpoint: Endpoint): JsonSchema[] {
  const result: JsonSchema[] = [];
  if (endpoint.path.includes('{id}')) {
    result.push({ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
  }
  if (endpoint.path.includes('{name}')) {
    result.push({ name: 'name', in: 'path', required: true, schema: { type: 'string' } });
  }
  for (const [name, param] of Object.entries(endpoint.query?.shape ?? {})) {
    const schema = param as z.ZodType;
    result.push({
      name,
      in: 'query',
      required: !schema.safeParse(undefined).success,
      schema: jsonSchema(schema, 'input'),
    });
  }
  return result;
}

function operation(endpoint: Endpoint): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  if (endpoint.response === undefined && endpoint.path !== '/console/openapi.json') {
    responses[endpoint.method === 'delete' || endpoint.method === 'patch' ? '204' : '200'] = { description: 'Done' };
  } else if (endpoint.response === undefined) {
    responses['200'] = { description: 'An OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } };
  } else {
    const mediaType = endpoint.stream === true ? 'text/event-stream' : 'application/json';
    responses['200'] = {
      description: endpoint.stream === true ? 'One `event: change` per changed entity; `data` is this object' : 'OK',
      content: { [mediaType]: { schema: jsonSchema(endpoint.response, 'output') } },
    };
  }
  for (const status of [...endpoint.errors, 500]) {
    responses[String(status)] = {
      description: errorDescriptions[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    operationId: `${endpoint.method}${endpoint.path.replace(/[{}]/g, '').replace(/[/._-]+(\w)/g, (_m, letter: string) => letter.toUpperCase())}`,
    parameters: parameters(endpoint),
    ...(endpoint.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } } }),
    responses,
  };
}

const errorDescriptions: Record<number, string> = {
  400: 'Bad input: the message names the field',
  401: 'Refused credentials',
  403: 'Cross-site request refused',
  404: 'No such entity',
  409: 'Not allowed in the current state',
  415: 'The body must be application/json',
  500: 'Internal error (details in the server log)',
};

const documents = new Map<string, JsonSchema>();

export function openApiDocument(version = '0.0.0'): JsonSchema {
  const cached = documents.get(version);
  if (cached !== undefined) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation(endpoint) };
  }
  const document: JsonSchema = {
    openapi: '3.1.0',
    info: {
      title: 'np-console',
      version,
      description:
        "nullplatform's deployment API as the console's local platform serves it under /api, plus the console's own endpoints under /console.",
    },
    paths,
    components: { schemas: { Error: jsonSchema(errorBodySchema, 'output') } },
  };
  documents.set(version, document);
  return document;
}
