/**
 * What to set NP_API_URL and NP_TOKEN to before running a copied command, in the mode the console runs in: the
 * snippets read both (src/lib/cli-snippets.ts), and neither the address nor the token is the same in the two modes.
 */
import { shellQuote } from './cli-snippets';

export type CliSetup = { mode: 'local' | 'connected'; lines: string; note: string };

/** The upstream host of GET /console/info's answer, read defensively (the caller observes the cache, untyped). */
/** The API address the console is connected to: as configured when the server says it, else https:// and its host. */
function upstreamUrl(info: object): string | undefined {
  const upstream = 'upstream' in info ? info.upstream : undefined;
  if (typeof upstream !== 'object' || upstream === null) return undefined;
  if ('url' in upstream && typeof upstream.url === 'string' && /^https?:\/\//.test(upstream.url))
    return upstream.url.replace(/\/$/, '');
  return 'host' in upstream && typeof upstream.host === 'string' ? `https://${upstream.host}` : undefined;
}

/** `info`: GET /console/info's answer once loaded; `origin`: where this console is served (window.location.origin). */
export function cliSetup(info: unknown, origin: string): CliSetup | undefined {
  if (typeof info !== 'object' || info === null || !('mode' in info)) return undefined;
  if (info.mode === 'local') {
    return {
      mode: 'local',
      lines: [`export NP_API_URL=${shellQuote(`${origin}/api`)}`, 'export NP_TOKEN=local'].join('\n'),
      note: 'The local platform takes any token unless it was started with NP_CONSOLE_REQUIRE_TOKEN=1; then get one with POST /api/token and one of NP_CONSOLE_API_KEYS.',
    };
  }
  if (info.mode !== 'connected') return undefined;
  const api = upstreamUrl(info) ?? 'https://api.nullplatform.com';
  return {
    mode: 'connected',
    lines: [
      `export NP_API_URL=${shellQuote(api)}`,
      `export NP_TOKEN=$(curl -s -X POST "$NP_API_URL/token" -H 'Content-Type: application/json' -d "{\\"api_key\\":\\"$NP_API_KEY\\"}" | jq -r .access_token)`,
    ].join('\n'),
    note: 'Connected to nullplatform: the token comes from your own API key (NP_API_KEY), never from this console.',
  };
}
