// Writing replies: the security headers every response carries, JSON envelopes and plain text.
import type { ServerResponse } from 'node:http';
import type { ApiResult } from '../shared/api.js';

/** The dashboard loads only its own scripts, styles and images, and talks only to this server. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Sets the headers that every response carries. No CORS header is ever sent. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
}

/** Sends an ApiResult as JSON with `status`. */
export function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>, headers: Record<string, string> = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** Sends a failure envelope with `status`. */
export function sendError(response: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { ok: false, error }, headers);
}

/** Sends a short plain-text reply (static files side). */
export function sendText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  response.end(text);
}
