import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refusal the app shows: an HTTP status and a stable code from docs/team-mode.md. */
export class ApiError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {}
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** The body as bytes, refused with 413 past `limit` (by its declared length at once, else as it streams in). */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limit) throw new ApiError(413, 'tooLarge', { max: limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new ApiError(413, 'tooLarge', { max: limit });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export async function readJson(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const body = await readBody(request, limit);
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new ApiError(400, 'badRequest');
}

export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9._-]+)$/);
  return match?.[1];
}

/** A text field of a JSON body: present, a string, not blank, at most `max` characters. */
export function text(body: Record<string, unknown>, field: string, max: number): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw new ApiError(400, 'badRequest');
  return value;
}
