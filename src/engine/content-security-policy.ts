/**
 * The Content-Security-Policy of the app, one list for the build (a meta tag in index.html, vite.config.ts) and the
 * team server (an HTTP header, server/headers.ts; SECURITY.md gives the same). No inline script, no eval, nothing
 * from another origin; `connect-src 'self'` also covers the team server's WebSocket on the same host and port.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Only the app's two policies (src/ui/common/trusted-types.ts) may turn a string into markup or a script URL.
  "require-trusted-types-for 'script'",
  'trusted-types conformo-markdown default',
];

/** What only an HTTP header can say: a meta tag cannot forbid framing. */
export const CSP_HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];
