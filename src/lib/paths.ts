/**
 * Every route of the SPA, with the function that builds its link. Links never build URLs by hand.
 * `search` adds query-string filters (`?status=running&offset=30`).
 */
import { toSearch, type QueryParams } from './api-client';

type Id = number | string;

export const paths = {
  home: {
    path: '/',
    getHref: (search?: QueryParams) => `/${toSearch(search)}`,
  },
  application: {
    path: '/applications/:applicationId',
    getHref: (applicationId: Id) => `/applications/${applicationId}`,
  },
  builds: {
    path: '/applications/:applicationId/builds',
    getHref: (applicationId: Id, search?: QueryParams) => `/applications/${applicationId}/builds${toSearch(search)}`,
  },
  build: {
    path: '/builds/:buildId',
    getHref: (buildId: Id) => `/builds/${buildId}`,
  },
  releases: {
    path: '/applications/:applicationId/releases',
    getHref: (applicationId: Id, search?: QueryParams) => `/applications/${applicationId}/releases${toSearch(search)}`,
  },
  release: {
    path: '/releases/:releaseId',
    getHref: (releaseId: Id) => `/releases/${releaseId}`,
  },
  scopes: {
    path: '/applications/:applicationId/scopes',
    getHref: (applicationId: Id) => `/applications/${applicationId}/scopes`,
  },
  scope: {
    path: '/scopes/:scopeId',
    getHref: (scopeId: Id, search?: QueryParams) => `/scopes/${scopeId}${toSearch(search)}`,
  },
  deployments: {
    path: '/applications/:applicationId/deployments',
    getHref: (applicationId: Id, search?: QueryParams) =>
      `/applications/${applicationId}/deployments${toSearch(search)}`,
  },
  deployment: {
    path: '/deployments/:deploymentId',
    getHref: (deploymentId: Id) => `/deployments/${deploymentId}`,
  },
} as const;

/** A positive integer id from a path segment (`:deploymentId`), or undefined when the segment is not one. */
export function parseId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
}
