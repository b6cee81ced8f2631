// Sending to many clients without letting one slow reader make us queue without bound.
import { BROADCAST_DROP_BYTES, BROADCAST_SKIP_BYTES } from './limits.ts';
import type { Client } from './client.ts';

/**
 * Sends unless the client is already far behind: past BROADCAST_SKIP_BYTES queued it misses this
 * message; past BROADCAST_DROP_BYTES it is cut off. Returns whether the message was sent.
 */
export function deliver(client: Client, data: string): boolean {
  if (client.readyState !== 1) return false;
  const queued = client.bufferedAmount;
  if (queued > BROADCAST_DROP_BYTES) {
    client.problem = 'too far behind';
    client.terminate();
    return false;
  }
  if (queued > BROADCAST_SKIP_BYTES) return false;
  client.send(data);
  return true;
}
