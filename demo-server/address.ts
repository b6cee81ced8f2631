// Who is asking: the client address for logs, and the key that per-address limits count under.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The client's address. With TRUST_PROXY on, the right-most X-Forwarded-For entry: the one our own proxy
 * appended; entries left of it were written by the client and prove nothing.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const list = Array.isArray(header) ? header.join(',') : header;
    if (list) {
      const last = list.split(',').at(-1)!.trim();
      if (isIP(last)) return normalise(last);
    }
  }
  return normalise(req.socket.remoteAddress ?? 'unknown');
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** IPv6 clients usually own a whole /64, so limits count per /64 rather than per address. */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Counts things (connections, streams) per key, forgetting keys that drop to zero. */
export class Tally {
  #counts = new Map<string, number>();

  get(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.#counts.set(key, this.get(key) + 1);
  }

  remove(key: string): void {
    const next = this.get(key) - 1;
    if (next > 0) this.#counts.set(key, next);
    else this.#counts.delete(key);
  }
}
