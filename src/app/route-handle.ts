import type { ComponentType } from 'react';
import type { Params } from 'react-router-dom';

/** What a route module may put in its `handle`: the layout renders the deepest route's Breadcrumb. */
export type RouteHandle = { Breadcrumb?: ComponentType<{ params: Params }> };

export function isRouteHandle(value: unknown): value is RouteHandle {
  return typeof value === 'object' && value !== null && 'Breadcrumb' in value;
}
