import { describe, expect, it } from 'vitest';
import { parseRecordMessage, type HandshakeRecord } from '../inspect/records.ts';
import { newSessionId } from '../inspect/session.ts';
import { DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_PAYLOAD, DEFAULT_MESSAGES_PER_SECOND, fullBucket, takeToken } from '../server/limits.ts';
import { burstFor, Crowd, messageOfSize, provoke } from '../security/refusals.ts';
import { createSimulatedServer, type SimulatedWebSocket } from './index.ts';

const sim = createSimulatedServer();
const open = (path: string) => sim.openSocket(`ws://simulated.invalid${path}`) as SimulatedWebSocket;

describe('the token bucket shared by the demo server and the simulator', () => {
  it('holds one second of messages, refills with time, and is empty after a burst', () => {
    const bucket = fullBucket(50, 0);
    let taken = 0;
    while (takeToken(bucket, 50, 0)) taken++;
    expect(taken).toBe(50);
    expect(takeToken(bucket, 50, 10)).toBe(false); // half a token in 10 ms
    expect(takeToken(bucket, 50, 30)).toBe(true); // one and a half by 30 ms
    expect(takeToken(bucket, 50, 10_000)).toBe(true);
    expect(bucket.tokens).toBe(49); // never more than one second's worth
  });
});

describe('the simulated server enforces the demo server’s default limits (the security lab’s refusals)', () => {
  it(`echoes ${DEFAULT_MAX_PAYLOAD} bytes and closes one byte more with 1009`, async () => {
    expect(await provoke(open, [messageOfSize(DEFAULT_MAX_PAYLOAD)], 100)).toEqual({ kind: 'allowed', echoes: 1 });
    expect(await provoke(open, [messageOfSize(DEFAULT_MAX_PAYLOAD + 1)], 100)).toMatchObject({ kind: 'closed', code: 1009, reason: '', echoes: 0 });
  });

  it(`closes a flood with 1008 once the bucket of ${DEFAULT_MESSAGES_PER_SECOND} is empty`, async () => {
    const burst = burstFor(DEFAULT_MESSAGES_PER_SECOND);
    const verdict = await provoke(open, Array.from({ length: burst }, (_, i) => `#${i + 1}`), 100);
    expect(verdict).toMatchObject({ kind: 'closed', code: 1008, reason: `Rate limit: at most ${DEFAULT_MESSAGES_PER_SECOND} messages per second`, wasClean: true });
    expect((verdict as { echoes: number }).echoes).toBeGreaterThanOrEqual(DEFAULT_MESSAGES_PER_SECOND);
    expect((verdict as { echoes: number }).echoes).toBeLessThan(burst);
    // /slow is not rate-limited, as on the demo server.
    const slow = open('/slow');
    await new Promise((resolve) => slow.addEventListener('open', resolve));
    for (let i = 0; i < burst; i++) slow.send('x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slow.readyState).toBe(1);
    slow.close();
  });

  it(`refuses connection ${DEFAULT_MAX_CONNECTIONS_PER_IP + 1} from the page with 429 (the page sees error, then 1006)`, async () => {
    const session = newSessionId();
    const inspector = open(`/inspect?session=${session}`);
    const handshakes: HandshakeRecord[] = [];
    inspector.addEventListener('message', (e) => {
      for (const r of parseRecordMessage((e as MessageEvent).data)) if ('record' in r && r.record.kind === 'handshake') handshakes.push(r.record);
    });
    await new Promise((resolve) => inspector.addEventListener('open', resolve));
    const crowd = new Crowd(open);
    // The inspector is one of the page's connections too.
    expect(await crowd.run(() => {})).toEqual({ kind: 'refused', opened: DEFAULT_MAX_CONNECTIONS_PER_IP - 1 });
    const refused = open(`/echo?session=${session}`);
    const events: string[] = [];
    refused.addEventListener('error', () => events.push('error'));
    await new Promise((resolve) => refused.addEventListener('close', (e) => resolve(events.push(`close ${(e as CloseEvent).code}`))));
    expect(events).toEqual(['error', 'close 1006']);
    for (let i = 0; i < 100 && handshakes.at(-1)?.response.status !== 429; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(handshakes.at(-1)!.response.status).toBe(429);
    expect(handshakes.at(-1)!.response.headers).toContainEqual(['Retry-After', '10']);
    expect(handshakes.at(-1)!.response.body).toMatch(`Too many connections from your address (at most ${DEFAULT_MAX_CONNECTIONS_PER_IP})`);
    crowd.release();
    inspector.close();
    // Once they have closed, the page may connect again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = open('/echo');
    await new Promise((resolve) => again.addEventListener('open', resolve));
    again.close();
  });
});
