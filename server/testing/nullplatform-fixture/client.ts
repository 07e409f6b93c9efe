/** A few plain fetch calls against a running fixture, for its own tests and for the journeys that reset it. */
import { RESET_PATH } from './routes';

export type FixtureAnswer = { status: number; body: unknown };

export async function fixtureToken(url: string, apiKey: string): Promise<string> {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apikey: apiKey }),
  });
  const body = (await response.json()) as { access_token?: unknown };
  if (response.status !== 200 || typeof body.access_token !== 'string')
    throw new Error(`POST /token answered ${response.status}`);
  return body.access_token;
}

/** Puts the fixture's organization back as seeded. */
export async function resetFixture(url: string, apiKey: string): Promise<void> {
  const token = await fixtureToken(url, apiKey);
  const response = await fetch(`${url}${RESET_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 204) throw new Error(`POST ${RESET_PATH} answered ${response.status}`);
}

/** One call with a bearer token (or none); the body parsed when there is one. */
export async function callFixture(
  url: string,
  token: string | undefined,
  method: string,
  path: string,
  json?: unknown,
): Promise<FixtureAnswer> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
