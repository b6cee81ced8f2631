// The link between demo-server instances: one Redis pub/sub channel carrying small JSON messages
// (README.md, "Running more than one instance"). Without REDIS_URL there is no bus and every
// instance is alone, as before. With it, losing Redis never stops an instance: publishing returns false,
// the parts that share state (chat, inspector) fall back to this instance alone and say so, and the
// client reconnects by itself; when Redis is back every part is told and rejoins.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Log } from './log.ts';

/** What travels on the bus: a kind (which part it is for) and that part's fields. */
export interface BusMessage {
  kind: string;
  [field: string]: unknown;
}

type Handler = (message: BusMessage, from: string) => void;

export interface Bus {
  /** This instance's id on the bus (random per process). */
  readonly id: string;
  /** Connected and subscribed: what is published now reaches the other instances. */
  readonly up: boolean;
  /** Sends to every other instance; false (nothing sent) while the bus is down. */
  publish(message: BusMessage): boolean;
  /** Messages of one kind from the other instances (never this instance's own). */
  on(kind: string, handler: Handler): void;
  /** Called with true when the bus comes up (again), false when it goes down. */
  readonly onStatus: Set<(up: boolean) => void>;
  close(): Promise<void>;
}

const CHANNEL = 'websocket-school:bus';
/** Reconnect attempts back off to at most this many ms apart, and never give up. */
const MAX_RETRY_MS = 2000;

export function connectBus(url: string, log: Log): Bus {
  const id = randomBytes(8).toString('hex');
  const options = {
    // Fail a publish at once while Redis is away instead of queueing it for later (it would arrive late,
    // after the room went on without it).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResubscribe: false,
    retryStrategy: (attempt: number) => Math.min(100 * attempt, MAX_RETRY_MS),
    connectionName: `websocket-school-${id}`,
  };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  const handlers = new Map<string, Handler[]>();
  const onStatus = new Set<(up: boolean) => void>();
  let pubReady = false;
  let subReady = false;
  let up = false;
  let closed = false;
  let lastError = '';

  function update(): void {
    const now = pubReady && subReady && !closed;
    if (now === up) return;
    up = now;
    log.line(now ? `bus up ${id}` : `bus down ${id}${lastError ? ` (${lastError})` : ''}`);
    for (const listener of onStatus) listener(now);
  }

  for (const client of [pub, sub]) {
    // ioredis emits 'error' on every failed reconnect; without a listener Node would throw.
    client.on('error', (error: Error) => {
      lastError = error.message.slice(0, 80);
    });
  }
  pub.on('ready', () => {
    pubReady = true;
    update();
  });
  pub.on('close', () => {
    pubReady = false;
    update();
  });
  sub.on('ready', () => {
    sub.subscribe(CHANNEL).then(
      () => {
        subReady = true;
        update();
      },
      () => sub.disconnect(true), // try again from the start
    );
  });
  sub.on('close', () => {
    subReady = false;
    update();
  });
  sub.on('message', (_channel: string, raw: string) => {
    let parsed: { from?: unknown; message?: BusMessage };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      return;
    }
    const { from, message } = parsed;
    if (typeof from !== 'string' || from === id || typeof message?.kind !== 'string') return;
    for (const handler of handlers.get(message.kind) ?? []) handler(message, from);
  });

  return {
    id,
    get up() {
      return up;
    },
    publish(message) {
      if (!up) return false;
      pub.publish(CHANNEL, JSON.stringify({ from: id, message })).catch(() => {});
      return true;
    },
    on(kind, handler) {
      handlers.set(kind, [...(handlers.get(kind) ?? []), handler]);
    },
    onStatus,
    async close() {
      closed = true;
      update();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
