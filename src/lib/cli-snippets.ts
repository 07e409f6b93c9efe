/**
 * "Copy as np CLI / curl" for every action. The np CLI maps actions to HTTP methods (list → GET collection,
 * read → GET item, create → POST, patch → PATCH) and takes the body as JSON with --body (reference §1.7).
 * curl reads the API address and a token from $NP_API_URL and $NP_TOKEN, as the np CLI does with NP_TOKEN.
 */
import { toSearch, type QueryParams } from './api-client';

export type CliSnippet = { np: string; curl: string };

/** A shell word in single quotes: `'` becomes `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function json(body: unknown): string {
  return JSON.stringify(body);
}

const AUTH = '-H "Authorization: Bearer $NP_TOKEN"';
const CONTENT_TYPE = "-H 'Content-Type: application/json'";

function flags(query: QueryParams | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`--${key} ${/^[\w.,:-]+$/.test(text) ? text : shellQuote(text)}`);
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/** `np <resource> create --body '…'` and `curl -X POST "$NP_API_URL/<resource>" …`. */
export function createSnippet(resource: string, body: unknown): CliSnippet {
  const data = json(body);
  return {
    np: `np ${resource} create --body ${shellQuote(data)}`,
    curl: `curl -X POST "$NP_API_URL/${resource}" ${AUTH} ${CONTENT_TYPE} -d ${shellQuote(data)}`,
  };
}

/** `np <resource> patch --id <id> --body '…'` and `curl -X PATCH "$NP_API_URL/<resource>/<id>" …`. */
export function patchSnippet(resource: string, id: number, body: unknown): CliSnippet {
  const data = json(body);
  return {
    np: `np ${resource} patch --id ${id} --body ${shellQuote(data)}`,
    curl: `curl -X PATCH "$NP_API_URL/${resource}/${id}" ${AUTH} ${CONTENT_TYPE} -d ${shellQuote(data)}`,
  };
}

/** `np <resource> list --application_id 3` and `curl "$NP_API_URL/<resource>?application_id=3" …`. */
export function listSnippet(resource: string, query?: QueryParams): CliSnippet {
  return {
    np: `np ${resource} list${flags(query)}`,
    curl: `curl "$NP_API_URL/${resource}${toSearch(query)}" ${AUTH}`,
  };
}

/** `np <resource> read --id 7` and `curl "$NP_API_URL/<resource>/7" …`. */
export function readSnippet(resource: string, id: number, query?: QueryParams): CliSnippet {
  return {
    np: `np ${resource} read --id ${id}${flags(query)}`,
    curl: `curl "$NP_API_URL/${resource}/${id}${toSearch(query)}" ${AUTH}`,
  };
}

/** The actions of the deployment workflow, named as the design names them. */
export const cliSnippets = {
  createRelease: (body: { status: 'active'; build_id: number; application_id: number; semver: string }) =>
    createSnippet('release', body),
  createDeployment: (body: { scope_id: number; release_id: number; asset_name?: string; strategy_data?: unknown }) =>
    createSnippet('deployment', body),
  setTraffic: (deploymentId: number, desired: number) =>
    patchSnippet('deployment', deploymentId, { strategy_data: { desired_switched_traffic: desired } }),
  /** Pauses (false) or resumes (true) a deployment's automatic traffic steps (README, "Automatic traffic steps"). */
  setAutoSwitch: (deploymentId: number, enabled: boolean) =>
    patchSnippet('deployment', deploymentId, {
      strategy_data: { parameters: { traffic: { enable_auto_switch: enabled } } },
    }),
  finalizeDeployment: (deploymentId: number) => patchSnippet('deployment', deploymentId, { status: 'finalizing' }),
  /** Cancels an initial deployment and rolls back a blue/green one: nullplatform's UI sends this for both. */
  cancelDeployment: (deploymentId: number) => patchSnippet('deployment', deploymentId, { status: 'cancelling' }),
  listBuilds: (applicationId: number) => listSnippet('build', { application_id: applicationId }),
  readDeployment: (deploymentId: number) => readSnippet('deployment', deploymentId, { include_messages: true }),
};
