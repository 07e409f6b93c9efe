import type { IncomingMessage } from 'node:http';

/** Bodies up to this size are held in memory so that a request can be sent again to another instance. */
const retryableBodyLimit = 1024 * 1024;

/**
 * Whether the whole body can be read up front: its length is declared and small (or there is none). A chunked body
 * of unknown length is streamed instead, and cannot be retried.
 */
export function isBufferable(request: IncomingMessage): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return false;
  const declared = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared <= retryableBodyLimit;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
