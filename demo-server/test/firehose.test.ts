import { describe, expect, test } from 'vitest';
import { closed, delay, eventually, expectControlEcho, MiB, open, refusal, sharedServer } from './helpers.ts';
import { firehoseMessage } from '../endpoints/firehose.ts';
import { FIREHOSE_MAX_QUEUED_BYTES, FIREHOSE_MAX_STREAMS } from '../limits.ts';

const ID = '0123456789abcdef0123456789abcdef';
// A reader that stops reading cannot see pings either (they wait behind the backlog): test-sized heartbeats would cut it.
const server = sharedServer({ MAX_CONNECTIONS_PER_IP: '0', HEARTBEAT_MS: '30000' });

describe('/firehose', () => {
  test('messages are exactly `size` bytes of JSON', () => {
    for (const size of [64, 100, 16384]) {
      const text = firehoseMessage(12345, 1_700_000_000_000, size);
      expect(text.length).toBe(size);
      expect(JSON.parse(text)).toMatchObject({ seq: 12345, t: 1_700_000_000_000 });
    }
  });

  test('sends about `rate` messages a second for `seconds`, then says so and closes with 1000', async () => {
    const ws = await open(server.url('/firehose?rate=100&size=128&seconds=1'));
    const got: string[] = [];
    ws.on('message', (data: Buffer) => got.push(data.toString()));
    const end = await closed(ws);
    expect(end).toEqual({ code: 1000, reason: 'done' });
    const last = JSON.parse(got.at(-1)!);
    expect(last).toEqual({ type: 'end', sent: got.length - 1, heldBack: 0 });
    expect(got.length - 1).toBeGreaterThanOrEqual(80); // 100/s for 1 s, counted by the clock, not by ticks
    expect(got.length - 1).toBeLessThanOrEqual(101);
    expect(got.slice(0, -1).every((m) => m.length === 128)).toBe(true);
    expect(got.slice(0, 3).map((m) => JSON.parse(m).seq)).toEqual([0, 1, 2]);
  });

  test.each([
    ['rate=0', /rate= must be a whole number from 1 to 1000/],
    ['size=10', /size= must be a whole number from 64 to 16384/],
    ['seconds=31', /seconds= must be a whole number from 1 to 30/],
    ['rate=1000&size=16384', /rate × size must be at most 2097152 bytes per second/],
    ['id=nope', /\?id= must be 32 hex digits/],
    ['watch=nope', /\?watch= must be a stream id/],
  ])('refuses %s with 400 and the reason', async (query, reason) => {
    const refused = await refusal(server.url(`/firehose?${query}`));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(reason);
  });

  test('a reader that stops reading: the backlog waits in the server, watched live, and stays bounded', async () => {
    const watcher = await open(server.url(`/firehose?watch=${ID}`));
    const statuses: Array<{ bufferedAmount?: number; sent?: number; waiting?: boolean; heldBack?: number }> = [];
    watcher.on('message', (data: Buffer) => statuses.push(JSON.parse(data.toString())));
    await eventually(() => statuses.some((s) => s.waiting), 2000, 'a waiting status before the stream exists');

    const reader = await open(server.url(`/firehose?rate=1000&size=2048&seconds=6&id=${ID}`));
    (reader as unknown as { _socket: { pause(): void } })._socket.pause(); // like a page that does not read
    expect((await refusal(server.url(`/firehose?id=${ID}`))).body).toMatch(/already running/);
    await eventually(() => statuses.some((s) => (s.bufferedAmount ?? 0) > 1 * MiB), 8000, 'the server-side backlog growing past 1 MiB');
    expect(Math.max(...statuses.map((s) => s.bufferedAmount ?? 0))).toBeLessThanOrEqual(FIREHOSE_MAX_QUEUED_BYTES + 2048);
    // everyone else is served meanwhile
    await expectControlEcho(server);
    reader.terminate();
    watcher.close();
    await closed(watcher);
  }, 15_000);

  test(`at most ${FIREHOSE_MAX_STREAMS} streams at once: the next gets 503`, async () => {
    const streams = await Promise.all(Array.from({ length: FIREHOSE_MAX_STREAMS }, () => open(server.url('/firehose?rate=1&size=64&seconds=5'))));
    const refused = await refusal(server.url('/firehose'));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('10');
    for (const ws of streams) ws.terminate();
    await delay(100);
    const again = await open(server.url('/firehose?rate=1&size=64&seconds=1'));
    again.terminate();
  });
});
