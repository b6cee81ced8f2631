// Load and faults against a server in its own process, so its memory can be measured on its own:
// message floods, a client that never reads, chat members that stop reading, and SIGTERM.
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { spawnServer, type ChildServer } from './child.ts';
import { closed, delay, eventually, expectControlEcho, MiB, nextJson, open } from './helpers.ts';
import { frame, RawClient } from './raw.ts';

let server: ChildServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Samples the server's RSS every 50 ms while `work` runs; returns the growth over the starting value. */
async function peakGrowth(target: ChildServer, work: () => Promise<void>): Promise<number> {
  const start = await target.rss();
  let peak = start;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await target.rss());
      await delay(50);
    }
  })();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
  }
  peak = Math.max(peak, await target.rss());
  if (process.env.SHOW_MEMORY) console.log(`rss ${(start / MiB).toFixed(1)} MiB → peak ${(peak / MiB).toFixed(1)} MiB`);
  return peak - start;
}

describe('floods', () => {
  test('five clients flooding 20 MB each past MESSAGES_PER_SECOND: each gets 1008, memory stays bounded', async () => {
    server = await spawnServer({ MESSAGES_PER_SECOND: '50' });
    const target = server;
    const message = Buffer.alloc(1024, 0x41);
    const growth = await peakGrowth(target, async () => {
      const flooders = await Promise.all(
        [3, 4, 5, 6, 7].map((n) => open(target.url('/echo'), [], { localAddress: `127.0.0.${n}` })),
      );
      const results = flooders.map((ws) => closed(ws));
      for (const ws of flooders) for (let i = 0; i < 20_000 && ws.readyState === WebSocket.OPEN; i++) ws.send(message);
      const codes = await Promise.all(results);
      expect(codes.map((c) => c.code)).toEqual([1008, 1008, 1008, 1008, 1008]);
    });
    expect(growth).toBeLessThan(24 * MiB);
    await expectControlEcho(target);
  }, 90_000); // 100 MB leave the clients before they can see the 1008: seconds alone, ~20 s beside a parallel run

  test('a client that floods /echo and never reads the echoes: the server stops reading it, memory stays bounded', async () => {
    server = await spawnServer({ MESSAGES_PER_SECOND: '0', HEARTBEAT_MS: '1500' });
    const target = server;
    const raw = await RawClient.connect(target.port, '/echo');
    raw.socket.pause(); // never reads: echoes pile up on the server's side unless it pushes back
    const chunk = frame({ opcode: 2, payload: Buffer.alloc(32 * 1024, 0x42) });
    const growth = await peakGrowth(target, async () => {
      for (let i = 0; i < 2048; i++) raw.socket.write(chunk); // 64 MiB
      await delay(1000);
    });
    expect(raw.socket.writableLength).toBeGreaterThan(16 * MiB); // most of it could not be sent: pushed back
    expect(growth).toBeLessThan(24 * MiB);
    await expectControlEcho(target);
    // It answers no pings either, so the heartbeat ends it.
    await raw.closedPromise;
    let health = '';
    await eventually(async () => /^connections 0$/m.test((health = await target.health())), 3000, 'the server to let go');
    expect(health).toMatch(/^connections 0$/m);
  });
});

describe('slow readers', () => {
  test('chat members that stop reading are skipped; everyone else receives everything; memory stays bounded', async () => {
    server = await spawnServer({ MESSAGES_PER_SECOND: '0', MAX_CONNECTIONS_PER_IP: '50' });
    const target = server;
    const stallers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => RawClient.connect(target.port, `/chat?nick=staller${i}`)),
    );
    for (const s of stallers) s.socket.pause();
    const reader = await open(target.url('/chat?nick=reader'));
    const sender = await open(target.url('/chat?nick=sender'));
    await nextJson(reader, 2); // its own join and the sender's
    await nextJson(sender, 1);

    const total = 20_000;
    const batch = 50;
    const text = 'x'.repeat(400);
    let received = 0;
    reader.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'message' && message.nick === 'sender') received++;
    });
    const growth = await peakGrowth(target, async () => {
      for (let sent = 0; sent < total; sent += batch) {
        for (let i = 0; i < batch; i++) sender.send(JSON.stringify({ type: 'message', text }));
        // Generous: a loaded machine delivers slowly, which is not what this test is about.
        await eventually(() => received === sent + batch, 30_000, `batch ending at ${sent + batch}`);
      }
    });
    expect(received).toBe(total); // ≈ 9 MB to each member
    expect(growth).toBeLessThan(32 * MiB); // 10 stallers × 9 MB would be ≈ 90 MB if queued

    // A staller that wakes up finds it missed messages rather than the server having kept them all.
    const [first] = stallers;
    first!.socket.resume();
    await delay(500);
    const gotByStaller = first!.frames().filter((f) => f.opcode === 1 && f.payload.includes('"nick":"sender"')).length;
    expect(gotByStaller).toBeLessThan(total);
    for (const s of stallers) s.destroy();
    reader.close();
    sender.close();
    await expectControlEcho(target);
  }, 180_000); // ≈ 100 MB through loopback: seconds alone, much longer beside a parallel test run
});

describe('shutdown', () => {
  test('SIGTERM: every client gets 1001, then the process exits 0', async () => {
    server = await spawnServer();
    const target = server;
    const clients = [
      await open(target.url('/echo')),
      await open(target.url('/ticker?hz=5')),
      await open(target.url('/chat?nick=last')),
      await open(target.url('/slow')),
    ];
    const codes = Promise.all(clients.map((ws) => closed(ws)));
    const exitCode = await target.stop();
    expect((await codes).map((c) => [c.code, c.reason])).toEqual(Array(4).fill([1001, 'Server shutting down']));
    expect(exitCode).toBe(0);
  });
});
