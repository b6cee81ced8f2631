// The crash boundary (demo-server/crash.ts): an endpoint whose code throws loses that one connection (1011,
// the error logged with its stack) and nothing else; a handshake it throws on gets 500; an HTTP route that
// throws answers 500; an error no boundary caught closes everything with 1011 and exits 1. The faulty
// endpoint lives here, in the test, and goes through the server's own upgrade handler, Hub and Client:
// no production route has a test-only path. (Were the boundary missing, the throw would reach vitest as an
// unhandled error and fail the run.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { listen, type Client } from '../client.ts';
import { loadConfig } from '../config.ts';
import { CRASH_CLOSE, CRASH_REFUSAL, FATAL_CLOSE, fatalHandler, HTTP_CRASH_BODY } from '../crash.ts';
import type { Endpoint } from '../endpoint.ts';
import { createEcho } from '../endpoints/echo.ts';
import { Hub } from '../hub.ts';
import { createLog } from '../log.ts';
import { guardRequests } from '../server.ts';
import { ConnectionTimers } from '../timers.ts';
import { createUpgradeHandler } from '../upgrade.ts';
import { closed, eventually, fixtureSite, nextMessage, open, refusal, startServer } from './helpers.ts';

/** /boom?where=prepare|open|timer|message|closed throws there; otherwise it echoes. */
function faultyEndpoint(): Endpoint {
  const timers = new ConnectionTimers();
  const throwsOnClose = new WeakSet<Client>();
  function onMessage(this: Client, data: Buffer): void {
    if (data.toString() === 'boom') throw new Error('boom in message');
    this.send(data);
  }
  return {
    path: '/boom',
    protocols: [],
    deflate: false,
    rateLimited: false,
    prepare(query) {
      const where = query.get('where');
      if (where === 'prepare') throw new Error('boom in prepare');
      return (client) => {
        listen(client, 'message', onMessage);
        if (where === 'open') throw new Error('boom in open');
        if (where === 'closed') throwsOnClose.add(client);
        if (where === 'timer') {
          timers.set(client, 20, () => {
            throw new Error('boom in timer');
          });
        }
      };
    },
    closed(client) {
      timers.clear(client);
      if (throwsOnClose.has(client)) throw new Error('boom in closed');
    },
  };
}

const logged: string[] = [];
let hub: Hub;
let server: Server;
let base = '';

beforeAll(async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent', SITE_DIR: fixtureSite, HEARTBEAT_MS: '200' });
  hub = new Hub(config, createLog(false, undefined, (line) => logged.push(line)));
  const endpoints = new Map<string, Endpoint>([
    ['/boom', faultyEndpoint()],
    ['/echo', createEcho('/echo')],
  ]);
  server = createServer();
  server.on('upgrade', createUpgradeHandler(hub, endpoints, null));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await hub.closeAll(1000);
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  logged.length = 0;
});

/** A bystander: an echo connection opened before the crash, which must still work after it. */
async function expectEchoes(ws: Awaited<ReturnType<typeof open>>, text: string): Promise<void> {
  const reply = nextMessage(ws);
  ws.send(text);
  expect((await reply).text).toBe(text);
}

describe('a connection whose endpoint throws', () => {
  test.each(['message', 'open', 'timer'])('throwing in %s closes that connection alone with 1011, logged with its stack', async (where) => {
    const bystander = await open(`${base}/echo`);
    const sibling = await open(`${base}/boom`);
    const victim = await open(`${base}/boom?where=${where}`);
    if (where === 'message') victim.send('boom');

    expect(await closed(victim)).toEqual({ code: CRASH_CLOSE.code, reason: CRASH_CLOSE.reason });
    await expectEchoes(bystander, 'still here');
    await expectEchoes(sibling, 'same endpoint, still here');
    expect(logged.join('\n')).toMatch(new RegExp(`crash #\\d+ /boom in ${where}: Error: boom in ${where}\\n\\s+at `));
    // The server still accepts new connections to the endpoint that failed.
    const after = await open(`${base}/boom`);
    await expectEchoes(after, 'new');
    for (const ws of [bystander, sibling, after]) ws.close(1000);
    await eventually(() => hub.clients.size === 0, 3000, 'every connection gone');
  });

  test('throwing as it checks the handshake: 500 with a plain reason, and the next handshake works', async () => {
    const refused = await refusal(`${base}/boom?where=prepare`);
    expect(refused.status).toBe(500);
    expect(refused.body).toBe(`${CRASH_REFUSAL}\n`);
    expect(logged.join('\n')).toMatch(/crash \/boom in prepare: Error: boom in prepare/);
    const ws = await open(`${base}/boom`);
    await expectEchoes(ws, 'fine');
    ws.close(1000);
    await eventually(() => hub.clients.size === 0, 3000, 'the connection gone');
  });

  test('throwing as it is told the connection ended: logged, and the counts are right', async () => {
    const ws = await open(`${base}/boom?where=closed`);
    ws.close(1000);
    expect((await closed(ws)).code).toBe(1000);
    await eventually(() => logged.some((line) => line.includes('boom in closed')), 3000, 'the crash logged');
    expect(hub.clients.size).toBe(0);
    expect(hub.perEndpoint.get('/boom')).toBeUndefined();
  });
});

describe('an HTTP route that throws', () => {
  test('answers 500 and the server keeps answering', async () => {
    const lines: string[] = [];
    let calls = 0;
    const http = createServer(
      guardRequests(
        (_req, res) => {
          if (++calls === 1) throw new Error('boom in a route');
          res.end('ok');
        },
        createLog(false, undefined, (line) => lines.push(line)),
      ),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/x`;
    const first = await fetch(url);
    expect(first.status).toBe(500);
    expect(await first.text()).toBe(`${HTTP_CRASH_BODY}\n`);
    expect(lines.join('\n')).toMatch(/crash \/x: Error: boom in a route/);
    expect(await (await fetch(url)).text()).toBe('ok');
    await new Promise((resolve) => http.close(resolve));
  });
});

describe('an error no boundary caught', () => {
  test('every connection is closed with 1011, then the process exits with 1 (once)', async () => {
    const demo = await startServer();
    const a = await open(demo.url('/echo'));
    const b = await open(demo.url('/chat?nick=ana'));
    const lines: string[] = [];
    const exits: number[] = [];
    const onFatal = fatalHandler({
      close: (goodbye) => demo.demo.close(goodbye),
      writeError: (line) => lines.push(line),
      exit: (code) => exits.push(code),
    });
    onFatal(new Error('boom outside any connection'));
    onFatal(new Error('and another'));
    for (const ws of [a, b]) expect(await closed(ws)).toEqual({ code: FATAL_CLOSE.code, reason: FATAL_CLOSE.reason });
    await eventually(() => exits.length > 0, 5000, 'exit');
    expect(exits).toEqual([1]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/fatal \(uncaughtException\): Error: boom outside any connection\n\s+at /);
  });
});
