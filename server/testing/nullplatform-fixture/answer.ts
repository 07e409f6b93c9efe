/** What a route answers: a status and a JSON body (none for 204). Errors are `{message}`, as nullplatform's (reference §1.4). */
export type Answer = { status: number; body?: unknown };

export const json = (body: unknown, status = 200): Answer => ({ status, body });
export const noContent = (): Answer => ({ status: 204 });
export const fail = (status: number, message: string): Answer => ({ status, body: { message } });

/** ai-plugins (np-api services.md) reports this answer for filters an endpoint does not support (reference §1.4). */
export const insufficientPermissions = (): Answer => fail(403, 'Insufficient permissions');

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A positive integer id from a JSON body, or undefined. */
export function idField(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
