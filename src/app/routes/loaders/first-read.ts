/**
 * The deployment page's deployment, asked for by its route as the navigation starts, from the entry chunk: it does
 * not wait for the page's loader module (one round trip sooner), and everything else the page shows waits for its
 * answer. Only this page has one: its data is the deepest (four levels), and each page's first query here costs the
 * first page its reader (about 1 KB gzipped each).
 */
import { deploymentQueries } from '@/features/deployments/api/queries';
import { parseId } from '@/lib/paths';

import type { PageLoad } from './page-load';

export const startDeploymentPage: PageLoad = (queries, { params }) => {
  const deploymentId = parseId(params['deploymentId']);
  if (deploymentId !== undefined) queries.start(deploymentQueries.detail(deploymentId));
};
