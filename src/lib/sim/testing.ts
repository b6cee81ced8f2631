// Unit-test helpers for anything that hands out WebSocket-like sockets (the simulator, the stand-ins that
// wait for it): what the page sees, in order, as short strings, and waiting for it.
import type { WebSocketLike } from '../server/sockets.ts';

/** Every event the page would see, in order, as short strings. */
export function watch(ws: WebSocketLike): string[] {
  const seen: string[] = [];
  ws.addEventListener('open', () => seen.push(`open ${ws.readyState}`));
  ws.addEventListener('message', (e) => {
    const data = (e as MessageEvent).data;
    seen.push(`message ${typeof data === 'string' ? data : data instanceof ArrayBuffer ? `ab:${new Uint8Array(data).join(',')}` : 'blob'}`);
  });
  ws.addEventListener('error', () => seen.push(`error ${ws.readyState}`));
  ws.addEventListener('close', (e) => {
    const c = e as CloseEvent;
    seen.push(`close ${c.code} ${JSON.stringify(c.reason)} ${c.wasClean} ${ws.readyState}`);
  });
  return seen;
}

export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
