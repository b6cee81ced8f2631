// The HTTP side of the server: /healthz, the built site (sirv, 404 pages, redirects), and the /alt/…
// endpoints of the polling / long-polling / SSE comparison lab.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { sseResponseHeadBytes } from '../../src/lib/realtime/wire.ts';
import { delay, eventually, open, refusal, sharedServer, startServer } from './helpers.ts';

const server = sharedServer({ HEARTBEAT_MS: '1000', MESSAGES_PER_SECOND: '0' });

describe('/healthz', () => {
  test('200 "ok" with connection counts per endpoint', async () => {
    const held = [await open(server.url('/echo')), await open(server.url('/echo')), await open(server.url('/ticker'))];
    await eventually(() => server.demo.stats().connections === 3);
    const res = await fetch(server.http('/healthz'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^ok\nconnections 3\n\/echo 2\n\/ticker 1\nstreams 0\nsessions 0\nrss \d+\n$/);
    for (const ws of held) ws.close();
  });
});

describe('the built site', () => {
  test('serves files with ETags and revalidation; fingerprinted assets are immutable', async () => {
    const home = await fetch(server.http('/'));
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/home/);
    const etag = home.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await fetch(server.http('/'), { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const asset = await fetch(server.http('/_astro/app.js'));
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  test('a lesson without its trailing slash redirects to it', async () => {
    const res = await fetch(server.http('/en/lesson?x=1'), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/lesson/?x=1');
    expect((await fetch(server.http('/en/lesson/'))).status).toBe(200);
  });

  test('unknown pages get the 404 page with status 404, in Vietnamese under /vi/', async () => {
    const en = await fetch(server.http('/en/nope/'));
    expect(en.status).toBe(404);
    expect(await en.text()).toMatch(/not found \(root\)/);
    const vi = await fetch(server.http('/vi/khong-co/'));
    expect(vi.status).toBe(404);
    expect(await vi.text()).toMatch(/không tìm thấy/);
  });

  test('other methods → 405', async () => {
    expect((await fetch(server.http('/'), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  test('without a built site, / explains how to build one', async () => {
    const bare = await startServer({ SITE_DIR: '/nonexistent/site' });
    const res = await fetch(bare.http('/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/npm run build/);
    expect((await fetch(bare.http('/en/'))).status).toBe(404);
    await bare.close();
  });
});

describe('/alt: polling, long polling, server-sent events', () => {
  test('/alt/poll returns the quotes newer than ?since=', async () => {
    const first = (await (await fetch(server.http('/alt/poll?hz=20'))).json()) as any[];
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toMatchObject({ type: 'quote' });
    expect(typeof first[0].t).toBe('number');
    const last = first.at(-1).seq;
    await delay(200);
    const next = (await (await fetch(server.http(`/alt/poll?hz=20&since=${last}`))).json()) as any[];
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((q) => q.seq > last)).toBe(true);
  });

  test('/alt/long-poll holds the request until a newer quote exists', async () => {
    const latest = (await (await fetch(server.http('/alt/poll?hz=5'))).json()) as any[];
    // Quotes follow the clock (one per 200 ms here): wait until one has just been made, so the held
    // request starts well before the next.
    let since = latest.at(-1).seq;
    for (;;) {
      const next = (await (await fetch(server.http(`/alt/long-poll?hz=5&since=${since}`))).json()) as any[];
      since = next.at(-1).seq;
      if (Date.now() - next.at(-1).t < 50) break;
    }
    const started = Date.now();
    const res = await fetch(server.http(`/alt/long-poll?hz=5&since=${since}`));
    const quotes = (await res.json()) as any[];
    expect(res.status).toBe(200);
    expect(quotes.map((q) => q.seq)).toEqual([since + 1]);
    expect(Date.now() - started).toBeGreaterThan(50);
  });

  test('/alt/sse streams quotes as events with id: seq', async () => {
    const controller = new AbortController();
    const res = await fetch(server.http('/alt/sse?hz=20'), { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while ((text.match(/\n\n/g) ?? []).length < 4) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const events = text.split('\n\n').filter((e) => e.startsWith('id:'));
    const [id, data] = events[0]!.split('\n');
    expect(JSON.parse(data!.slice(6)).seq).toBe(Number(id!.slice(4)));
    await eventually(() => server.demo.stats().streams === 0);
  });

  test('held requests are capped per address: the next one → 429', async () => {
    const capped = await startServer({ MAX_CONNECTIONS_PER_IP: '2' });
    const controllers = [new AbortController(), new AbortController()];
    for (const c of controllers) await fetch(capped.http('/alt/sse'), { signal: c.signal });
    const third = await fetch(capped.http('/alt/long-poll?since=999999'));
    // since from the future is treated as 0, so this answers at once; a fresh stream is refused
    expect(third.status).toBe(200);
    const fourth = await fetch(capped.http('/alt/sse'));
    expect(fourth.status).toBe(429);
    for (const c of controllers) c.abort();
    await capped.close();
  });

  test('a bad ?hz= → 400', async () => {
    const res = await fetch(server.http('/alt/poll?hz=0'));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/hz= must be a whole number from 1 to 20/);
  });
});

/** A request with whatever headers a browser would send (fetch() will not let a test set Origin freely). */
function request(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const done = (body: string) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      // An event stream never ends: its head is what these tests need.
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.destroy();
        done('');
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/alt from other origins (CORS, under ALLOWED_ORIGINS)', () => {
  const paths = ['/alt/poll?hz=20', '/alt/long-poll?hz=20&since=999999999', '/alt/sse?hz=20'];

  test.each(paths)('%s: an allowed origin is echoed, with Timing-Allow-Origin and Vary: Origin', async (path) => {
    for (const origin of ['http://localhost:4321', 'null']) {
      const res = await request(server.http(path), { Origin: origin });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['timing-allow-origin']).toBe(origin);
      // Without it a cross-origin fetch() sees only the safelisted headers, and the lab would undercount.
      expect(res.headers['access-control-expose-headers']).toBe('*');
      expect(res.headers.vary).toMatch(/\bOrigin\b/);
    }
    await eventually(() => server.demo.stats().streams === 0);
  });

  test.each(paths)('%s: another origin gets 403 (as its WebSocket handshake would) and no CORS header', async (path) => {
    const res = await request(server.http(path), { Origin: 'https://elsewhere.example' });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/Origin https:\/\/elsewhere\.example is not allowed \(see ALLOWED_ORIGINS\)/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['timing-allow-origin']).toBeUndefined();
    expect(server.demo.stats().streams).toBe(0);
    const ws = await refusal(server.url('/ticker'), [], { origin: 'https://elsewhere.example' });
    expect(ws.status).toBe(403);
  });

  test('no Origin (same-origin GETs, curl): no CORS header, but the answer still varies by Origin', async () => {
    const res = await request(server.http('/alt/poll'));
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  test('errors carry CORS headers too, so a cross-origin page can read why', async () => {
    const res = await request(server.http('/alt/poll?hz=99'), { Origin: 'null' });
    expect(res.status).toBe(400);
    expect(res.headers['access-control-allow-origin']).toBe('null');
  });

  test('a preflight (a fetch that sends its own Last-Event-ID) is answered; another origin’s is refused', async () => {
    const ask = { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'last-event-id' };
    const ok = await request(server.http('/alt/sse'), { Origin: 'null', ...ask }, 'OPTIONS');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('null');
    expect(ok.headers['access-control-allow-methods']).toMatch(/\bGET\b/);
    expect(ok.headers['access-control-allow-headers']).toMatch(/Last-Event-ID/i);
    const refused = await request(server.http('/alt/sse'), { Origin: 'https://elsewhere.example', ...ask }, 'OPTIONS');
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request(server.http('/alt/poll'), {}, 'POST')).status).toBe(405);
  });

  test('a listed origin and the server’s own origin are allowed; unlisted ones (null too) are not', async () => {
    const listed = await startServer({ ALLOWED_ORIGINS: 'https://school.example' });
    const status = async (origin: string) => {
      const res = await request(listed.http('/alt/poll'), { Origin: origin });
      return [res.status, res.headers['access-control-allow-origin'] ?? null];
    };
    expect(await status('https://school.example')).toEqual([200, 'https://school.example']);
    expect(await status(`http://127.0.0.1:${listed.port}`)).toEqual([200, `http://127.0.0.1:${listed.port}`]);
    expect(await status('http://localhost:4321')).toEqual([403, null]);
    expect(await status('null')).toEqual([403, null]);
    await listed.close();
  });

  test('the comparison lab’s estimate of an /alt/sse response head is byte-exact, same-origin and cross-origin', async () => {
    // EventSource hides the response head, so the lab estimates it; read the real one off the socket.
    const head = (origin: string | null) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let text = '';
        socket.setEncoding('latin1');
        socket.on('error', reject);
        socket.on('data', (chunk: string) => {
          text += chunk;
          const end = text.indexOf('\r\n\r\n');
          if (end < 0) return;
          socket.destroy();
          resolve(text.slice(0, end + 4));
        });
        const originLine = origin === null ? '' : `Origin: ${origin}\r\n`;
        socket.write(`GET /alt/sse?hz=20 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${originLine}Accept: text/event-stream\r\n\r\n`);
      });
    expect(sseResponseHeadBytes()).toBe((await head(null)).length);
    expect(sseResponseHeadBytes('http://localhost:4321')).toBe((await head('http://localhost:4321')).length);
    await eventually(() => server.demo.stats().streams === 0);
  });

  test('ALLOWED_ORIGINS=*: every origin gets *', async () => {
    const open_ = await startServer({ ALLOWED_ORIGINS: '*' });
    const res = await request(open_.http('/alt/poll'), { Origin: 'https://anywhere.example' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['timing-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe('*');
    await open_.close();
  });
});
