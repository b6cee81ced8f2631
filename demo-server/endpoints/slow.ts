// /slow: reads on purpose at about SLOW_READ_BYTES per SLOW_PAUSE_MS (≈ 640 KiB/s) by pausing its socket,
// so kernel buffers fill and then the browser's bufferedAmount visibly grows and drains.
// Replies: after each read cycle in which messages arrived, {"type":"ack","bytes":n,"messages":m} with the
// running totals of payload bytes and messages received. Not rate-limited by message count: the slow
// reading itself caps what a client can make us process.
import { deliver } from '../broadcast.ts';
import { defineEndpoint, type Endpoint } from '../endpoint.ts';
import { SLOW_PAUSE_MS, SLOW_READ_BYTES } from '../limits.ts';
import { ConnectionTimers } from '../timers.ts';

export function createSlow(heartbeatMs: number): Endpoint {
  const timers = new ConnectionTimers();
  // Each pause stays well under the heartbeat (incoming bytes also count as a sign of life).
  const pauseMs = Math.max(10, Math.min(SLOW_PAUSE_MS, Math.floor(heartbeatMs / 4)));
  return defineEndpoint('/slow', {
    prepare() {
      return (client) => {
        let budget = SLOW_READ_BYTES;
        let bytes = 0;
        let messages = 0;
        let acked = 0;
        const cycle = (): void => {
          budget = SLOW_READ_BYTES;
          if (bytes !== acked) {
            acked = bytes;
            deliver(client, JSON.stringify({ type: 'ack', bytes, messages }));
          }
          if (client.isPaused) client.resume();
        };
        client.socket.on('data', (chunk: Buffer) => {
          // Bytes arriving prove the peer is alive even when its pong is queued behind megabytes of data.
          client.alive = true;
          budget -= chunk.length;
          if (!timers.has(client)) timers.set(client, pauseMs, cycle);
          if (budget <= 0 && !client.isPaused) client.pause();
        });
        client.on('message', (data: Buffer) => {
          if (client.readyState !== 1) return;
          bytes += data.length;
          messages++;
        });
      };
    },
    closed: (client) => timers.clear(client),
    stop: () => timers.clearAll(),
  });
}
