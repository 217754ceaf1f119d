import type { ServerResponse } from 'node:http';
import { CSP_DIRECTIVES, CSP_HEADER_ONLY_DIRECTIVES } from '../src/engine/content-security-policy';

/**
 * The headers SECURITY.md asks a host to send, on every response. `connect-src 'self'` covers the WebSocket at
 * /collab: in CSP Level 3, 'self' also matches ws: and wss: on the page's own host and port.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [...CSP_DIRECTIVES, ...CSP_HEADER_ONLY_DIRECTIVES].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}
