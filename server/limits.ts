/** What one client may ask of the server (SECURITY.md, Team server). */
export interface Limits {
  /** Largest WebSocket message; larger ones close the connection (code 1009). */
  maxMessageBytes: number;
  /** A write that would make a document larger than this is refused and its connection closed. */
  maxDocumentBytes: number;
  /** Open WebSockets per invitation token at once (one device uses one or two). */
  maxConnectionsPerToken: number;
  /** Largest JSON request body. */
  maxJsonBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 20 * 1024 * 1024,
  maxConnectionsPerToken: 8,
  maxJsonBytes: 64 * 1024,
};
