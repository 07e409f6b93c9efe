import { apiGet, toSearch } from '@/lib/api-client';
import { logPageReader, type LogPage } from '@/lib/read/logs';

/** Lines asked for when a log opens: its end, as `tail` shows it. */
export const TAIL_LINES = 500;
/** The most the API gives at once (contract/instance-logs.ts MAX_LOG_LIMIT). */
export const PAGE_LINES = 1000;

export type LogRequest = { instance?: number | undefined; since?: number | undefined; limit: number };

/** `GET /console/deployment/:id/logs`: the last lines, or those after `since` (local platform only). */
export function fetchLogPage(deploymentId: number, request: LogRequest, signal?: AbortSignal): Promise<LogPage> {
  return apiGet(`/console/deployment/${deploymentId}/logs${toSearch(request)}`, logPageReader, { signal });
}
