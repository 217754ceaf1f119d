import { randomUUID } from 'node:crypto';
import type { Redis } from '@hocuspocus/extension-redis';
import type { Log } from './log';

/** What every instance must act on when one of them changes a share's state. */
export type ShareEvent =
  | { type: 'sealed'; shareId: string; revision: number }
  | { type: 'reopened'; shareId: string; revision: number }
  | { type: 'revoked'; shareId: string; jti: string };

export interface EventBus {
  /** Acts on the event here, and on every other instance. */
  publish(event: ShareEvent): Promise<void>;
  close(): Promise<void>;
}

export function localEvents(apply: (event: ShareEvent) => void): EventBus {
  return {
    async publish(event) {
      apply(event);
    },
    async close() {},
  };
}

function isShareEvent(value: unknown): value is ShareEvent {
  if (!value || typeof value !== 'object') return false;
  const event = value as Record<string, unknown>;
  if (typeof event.shareId !== 'string') return false;
  if (event.type === 'revoked') return typeof event.jti === 'string';
  return (event.type === 'sealed' || event.type === 'reopened') && Number.isInteger(event.revision);
}

/**
 * Events between instances over Redis pub/sub, on the Redis extension's own connection (duplicated for the
 * subscription, which Redis reserves for subscribing). Each instance acts on its own events at once.
 */
export async function redisEvents(redis: Redis, apply: (event: ShareEvent) => void, log: Log): Promise<EventBus> {
  const channel = `${redis.configuration.prefix}:conformo-events`;
  const origin = randomUUID();
  const subscriber = redis.pub.duplicate();
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    try {
      const message = JSON.parse(text) as { origin?: unknown; event?: unknown };
      if (message.origin !== origin && isShareEvent(message.event)) apply(message.event);
    } catch {
      log('ignored a malformed cluster event');
    }
  });
  await subscriber.subscribe(channel);
  return {
    async publish(event) {
      apply(event);
      await redis.pub.publish(channel, JSON.stringify({ origin, event }));
    },
    async close() {
      subscriber.disconnect(false);
    },
  };
}
