// Several instances on one real redis-server (issue 10): one chat room, the same quotes, cross-instance
// inspect, Redis killed and started again, an instance stopped with SIGTERM.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type WebSocket from 'ws';
import { spawnServer } from './child.ts';
import { closed, eventually, nextJson, nextMessage, open, startServer, type TestServer } from './helpers.ts';
import { hasRedis, startRedis, type RedisProcess } from './redis.ts';
import { TICKER_NOTICES } from '../../src/lib/realtime/linkNotice.ts';

/** The next message for which `pick` is true (others on the way are skipped). */
async function nextWhere(ws: WebSocket, pick: (m: any) => boolean): Promise<any> {
  for (;;) {
    const [m] = await nextJson(ws);
    if (pick(m)) return m;
  }
}

const sessionId = () => randomBytes(16).toString('hex');
const busUp = (s: TestServer) => s.demo.stats().bus === 'up';

// CI installs redis-server (.ci/run); elsewhere, without it, these tests are skipped and say so.
describe.skipIf(!hasRedis && !process.env.CI)('several instances on one Redis', () => {
  let redis: RedisProcess;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, MAX_CONNECTIONS_PER_IP: '0' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    await eventually(() => busUp(a) && busUp(b), 5000, 'both buses up');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  test('one chat room: joins, counts and messages reach both instances, in order, once each', async () => {
    const ana = await open(a.url('/chat?nick=Ana'));
    expect(await nextJson(ana)).toEqual([{ type: 'join', nick: 'Ana', count: 1 }]);
    // Bao's own join counts Ana only if B has already heard Ana's join over Redis, which a loaded machine may
    // not have delivered yet; A adds the count B sends with Bao's join, so Ana's view is exact either way.
    const bao = await open(b.url('/chat?nick=Bao'));
    const [baoJoin] = await nextJson(bao);
    expect(baoJoin).toMatchObject({ type: 'join', nick: 'Bao' });
    expect([1, 2]).toContain(baoJoin.count);
    expect(await nextJson(ana)).toEqual([{ type: 'join', nick: 'Bao', count: 2 }]);

    const texts = Array.from({ length: 30 }, (_, i) => `m${i}`);
    for (const text of texts) ana.send(JSON.stringify({ type: 'message', text }));
    const atBao = [];
    for (let i = 0; i < texts.length; i++) atBao.push((await nextWhere(bao, (m) => m.type === 'message')).text);
    expect(atBao).toEqual(texts);
    const atAna = [];
    for (let i = 0; i < texts.length; i++) atAna.push((await nextWhere(ana, (m) => m.type === 'message')).text);
    expect(atAna).toEqual(texts);
    // Nothing twice: a marker sent afterwards is the very next message on both sides.
    bao.send(JSON.stringify({ type: 'message', text: 'end' }));
    expect((await nextJson(ana))[0]).toMatchObject({ type: 'message', nick: 'Bao', text: 'end' });
    expect((await nextJson(bao))[0]).toMatchObject({ type: 'message', nick: 'Bao', text: 'end' });

    // Ana's messages reached B over Redis with A's count, so a newcomer on B now counts everyone exactly.
    const cam = await open(b.url('/chat?nick=Cam'));
    expect(await nextJson(cam)).toEqual([{ type: 'join', nick: 'Cam', count: 3 }]);
    expect(await nextJson(ana)).toEqual([{ type: 'join', nick: 'Cam', count: 3 }]);
    expect(await nextJson(bao)).toEqual([{ type: 'join', nick: 'Cam', count: 3 }]);
    cam.close();
    expect(await nextJson(ana)).toEqual([{ type: 'leave', nick: 'Cam', count: 2 }]);

    bao.close();
    expect(await nextJson(ana)).toEqual([{ type: 'leave', nick: 'Bao', count: 1 }]);
    ana.close();
  });

  test('the same quote sequence on every instance, over WebSocket and HTTP', async () => {
    const [ta, tb] = await Promise.all([open(a.url('/ticker?hz=20')), open(b.url('/ticker?hz=20'))]);
    const [qa, qb] = await Promise.all([nextJson(ta, 12), nextJson(tb, 12)]);
    ta.close();
    tb.close();
    const bySeq = new Map(qa.map((q) => [q.seq, q]));
    const shared = qb.filter((q) => bySeq.has(q.seq));
    expect(shared.length).toBeGreaterThanOrEqual(8);
    for (const q of shared) expect(q).toEqual(bySeq.get(q.seq));

    const poll = async (server: TestServer, path: string) => (await (await fetch(server.http(path))).json()) as any[];
    const [pa, pb] = await Promise.all([poll(a, '/alt/poll?hz=5'), poll(b, '/alt/poll?hz=5')]);
    const since = Math.max(pa.at(-1).seq, pb.at(-1).seq);
    const path = `/alt/long-poll?hz=5&since=${since}`;
    const [na, nb] = await Promise.all([poll(a, path), poll(b, path)]);
    expect(na[0].seq).toBe(since + 1);
    expect(nb[0]).toEqual(na[0]);
  });

  test('an inspector on B sees the handshake and frames of its session on A, whichever connects first', async () => {
    for (const inspectorFirst of [true, false]) {
      const id = sessionId();
      let inspector: WebSocket | null = inspectorFirst ? await open(b.url(`/inspect?session=${id}`)) : null;
      const echo = await open(a.url(`/echo?session=${id}`));
      echo.send('over there');
      if (!inspector) inspector = await open(b.url(`/inspect?session=${id}`));
      const handshake = await nextWhere(inspector, (r) => r.kind === 'handshake');
      expect(handshake.response.status).toBe(101);
      expect(handshake.request.path).toBe(`/echo?session=${id}`);
      const fromClient = await nextWhere(inspector, (r) => r.kind === 'frame' && r.dir === 'client' && r.opcode === 1);
      expect(fromClient).toMatchObject({ opcode: 1, masked: true, text: 'over there' });
      const fromServer = await nextWhere(inspector, (r) => r.kind === 'frame' && r.dir === 'server' && r.opcode === 1);
      expect(fromServer).toMatchObject({ opcode: 1, masked: false, text: 'over there' });
      echo.close();
      inspector.close();
    }
  });

  test('Redis killed: echo goes on, the chat says it is local and keeps serving; Redis back: one room again', async () => {
    const ana = await open(a.url('/chat?nick=Ana2'));
    const bao = await open(b.url('/chat?nick=Bao2'));
    const ticker = await open(b.url('/ticker?hz=20'));
    await nextWhere(ana, (m) => m.type === 'join' && m.nick === 'Bao2');

    await redis.kill();
    await eventually(() => !busUp(a) && !busUp(b), 5000, 'both buses down');
    expect(await nextWhere(ana, (m) => m.type === 'notice')).toMatchObject({ code: 'local', message: expect.stringMatching(/only the people connected to this server/) });
    expect(await nextWhere(bao, (m) => m.type === 'notice')).toMatchObject({ code: 'local' });
    // The ticker tells its readers too, and its quotes go on (they need no link).
    expect(await nextWhere(ticker, (m) => m.type === 'notice')).toEqual({ type: 'notice', code: 'local', message: TICKER_NOTICES.local });
    await nextWhere(ticker, (m) => m.type === 'quote');
    const lateTicker = await open(a.url('/ticker'));
    expect(await nextWhere(lateTicker, (m) => m.type === 'notice')).toMatchObject({ code: 'local' });
    lateTicker.close();

    const echo = await open(a.url('/echo'));
    echo.send('still here');
    expect((await nextMessage(echo)).text).toBe('still here');
    echo.close();
    // Local members still talk; a newcomer is told at once.
    const cam = await open(a.url('/chat?nick=Cam'));
    expect(await nextWhere(cam, (m) => m.type === 'notice')).toMatchObject({ code: 'local' });
    cam.send(JSON.stringify({ type: 'message', text: 'local only' }));
    expect(await nextWhere(ana, (m) => m.type === 'message')).toMatchObject({ nick: 'Cam', text: 'local only' });

    await redis.start();
    await eventually(() => busUp(a) && busUp(b), 8000, 'both buses up again');
    expect(await nextWhere(bao, (m) => m.type === 'notice')).toMatchObject({ code: 'shared' });
    expect(await nextWhere(ticker, (m) => m.type === 'notice')).toEqual({ type: 'notice', code: 'shared', message: TICKER_NOTICES.shared });
    ticker.close();
    cam.send(JSON.stringify({ type: 'message', text: 'whole again' }));
    expect(await nextWhere(bao, (m) => m.type === 'message')).toMatchObject({ nick: 'Cam', text: 'whole again' });
    for (const ws of [ana, bao, cam]) ws.close();
  }, 30_000);

  test('SIGTERM on one instance: its sockets close with 1001, the other keeps serving and hears them leave', async () => {
    const env = { REDIS_URL: redis.url, MAX_CONNECTIONS_PER_IP: '0' };
    const child = await spawnServer(env);
    await eventually(async () => /^bus up$/m.test(await child.health()), 5000, 'child bus up');
    const dan = await open(child.url('/chat?nick=Dan'));
    const eve = await open(b.url('/chat?nick=Eve'));
    await nextWhere(dan, (m) => m.type === 'join' && m.nick === 'Eve');
    const code = await child.stop();
    expect(code).toBe(0);
    expect((await closed(dan)).code).toBe(1001);
    expect(await nextWhere(eve, (m) => m.type === 'leave')).toMatchObject({ nick: 'Dan' });
    eve.send(JSON.stringify({ type: 'message', text: 'still on B' }));
    expect(await nextWhere(eve, (m) => m.type === 'message')).toMatchObject({ text: 'still on B' });
    eve.close();
  }, 20_000);
});
