// Change notifications between app instances. On PostgreSQL they ride on LISTEN/NOTIFY, so
// every instance on one database hears every other; on SQLite (one instance by design) they
// stay in-process. Callers see one interface and never learn which is underneath.
import { EventEmitter } from 'node:events';

/**
 * Called with a topic's payload, or with `null` when notifications may have been missed
 * (the listening connection dropped and came back): listeners should then re-read.
 */
export type NotificationHandler = (payload: string | null) => void;

export type Notifier = {
  /** Sends now, outside any transaction. */
  publish(topic: string, payload: string): Promise<void>;
  listen(topic: string, handler: NotificationHandler): () => void;
  close(): Promise<void>;
  /** Calls every listener with null ("re-read"), e.g. once the database has closed. */
  wakeAll(): void;
};

/** The one PostgreSQL channel; topics are multiplexed inside its JSON payloads. */
export const NOTIFY_CHANNEL = 'factdesk_live';

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7_900;

export function encodeNotification(topic: string, payload: string): string {
  const text = JSON.stringify({ topic, payload });
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new Error(`Notification on "${topic}" is too large (${Buffer.byteLength(text)} bytes).`);
  }
  return text;
}

export function decodeNotification(text: string): { topic: string; payload: string } | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && 'topic' in value && 'payload' in value) {
      const { topic, payload } = value as { topic: unknown; payload: unknown };
      if (typeof topic === 'string' && typeof payload === 'string') return { topic, payload };
    }
  } catch {
    // Someone else's NOTIFY on our channel: ignore it.
  }
  return null;
}

/** Topic → handlers, shared by every implementation. */
class TopicHandlers {
  private readonly emitter = new EventEmitter();
  constructor() {
    // Every open stream listens; hundreds of viewers are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }
  add(topic: string, handler: NotificationHandler): () => void {
    this.emitter.on(topic, handler);
    return () => this.emitter.off(topic, handler);
  }
  emit(topic: string, payload: string | null): void {
    for (const handler of this.emitter.listeners(topic) as NotificationHandler[]) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`[notifications] a handler of "${topic}" failed:`, error);
      }
    }
  }
  emitEverywhere(payload: null): void {
    for (const topic of this.emitter.eventNames()) this.emit(String(topic), payload);
  }
  get isEmpty(): boolean {
    return this.emitter.eventNames().length === 0;
  }
}

export function createInProcessNotifier(): Notifier {
  const handlers = new TopicHandlers();
  return {
    async publish(topic, payload) {
      // Asynchronous like a database round trip, so no handler runs inside the publisher's stack.
      queueMicrotask(() => handlers.emit(topic, payload));
    },
    listen: (topic, handler) => handlers.add(topic, handler),
    async close() {},
    wakeAll: () => handlers.emitEverywhere(null),
  };
}

type PgClientLike = {
  query(text: string, values?: unknown[]): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeAllListeners(): unknown;
  release(destroy?: boolean): void;
};

/**
 * LISTEN on one dedicated pool connection. If it drops, it reconnects with backoff and tells
 * every listener to re-read (payload `null`), since notifications sent meanwhile are lost.
 */
export function createPgNotifier(pool: {
  connect(): Promise<PgClientLike>;
  query(text: string, values?: unknown[]): Promise<unknown>;
}): Notifier {
  const handlers = new TopicHandlers();
  let client: PgClientLike | null = null;
  let connecting: Promise<void> | null = null;
  let isClosed = false;
  let retryDelayMs = 250;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      try {
        const next = await pool.connect();
        next.on('notification', (message) => {
          if (message.channel !== NOTIFY_CHANNEL || message.payload === undefined) return;
          const decoded = decodeNotification(message.payload);
          if (decoded) handlers.emit(decoded.topic, decoded.payload);
        });
        const onLost = () => {
          if (client !== next) return;
          client = null;
          next.removeAllListeners();
          next.release(true);
          scheduleReconnect();
        };
        next.on('error', onLost);
        next.on('end', onLost);
        await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
        client = next;
        retryDelayMs = 250;
        handlers.emitEverywhere(null);
      } catch (error) {
        console.error('[notifications] could not LISTEN; retrying:', error instanceof Error ? error.message : error);
        scheduleReconnect();
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };

  const scheduleReconnect = () => {
    if (isClosed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!isClosed && !client && !handlers.isEmpty) void connect();
    }, retryDelayMs);
    retryTimer.unref();
    retryDelayMs = Math.min(retryDelayMs * 2, 10_000);
  };

  return {
    async publish(topic, payload) {
      await pool.query('select pg_notify($1, $2)', [NOTIFY_CHANNEL, encodeNotification(topic, payload)]);
    },
    listen(topic, handler) {
      const remove = handlers.add(topic, handler);
      if (!client && !connecting) void connect();
      return remove;
    },
    async close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await connecting;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.release(true);
      }
    },
    wakeAll: () => handlers.emitEverywhere(null),
  };
}

/** PGlite (embedded Postgres in tests) has LISTEN/NOTIFY built in. */
export function createPgliteNotifier(client: {
  query(text: string, values?: unknown[]): Promise<unknown>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}): Notifier {
  const handlers = new TopicHandlers();
  let unlisten: Promise<() => Promise<void>> | null = null;
  return {
    async publish(topic, payload) {
      await client.query('select pg_notify($1, $2)', [NOTIFY_CHANNEL, encodeNotification(topic, payload)]);
    },
    listen(topic, handler) {
      unlisten ??= client.listen(NOTIFY_CHANNEL, (text) => {
        const decoded = decodeNotification(text);
        if (decoded) handlers.emit(decoded.topic, decoded.payload);
      });
      return handlers.add(topic, handler);
    },
    async close() {
      if (unlisten) await (await unlisten)().catch(() => undefined);
    },
    wakeAll: () => handlers.emitEverywhere(null),
  };
}
