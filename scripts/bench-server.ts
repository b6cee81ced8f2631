// `npm run bench:server`: the demo server against a bare `ws` echo server (same ws, same maxPayload,
// nothing else), each in its own child process, measured in the same run and interleaved:
//   - server CPU time per echoed message (process.cpuUsage of the server child),
//   - messages per second and round-trip p50/p99 for 32 connections, 64-byte and 16 KiB messages,
//   - resident memory per idle connection over 5,000 connections.
// Ours runs with its limits on but out of reach (rate limit checked per message, never hit; no per-address
// cap) and no inspector attached. A third server, "loaded", is the bare echo in a process that has also
// loaded the demo server's modules (without using them): comparing ours with it separates what our
// per-message code costs from what a bigger process costs (its heap and caches), which shows on 16 KiB
// messages. The same file is the child: `node scripts/bench-server.ts --serve bare|ours|loaded`.
// On Linux the load generator is pinned to CPU 0 and both servers to CPU 1 (taskset), so they do not fight
// over a core; each round runs the servers back to back (rotating who goes first) and the reported
// ratios are medians of the per-round ratios, which cancels most of the drift of a shared machine.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';

const MAX_PAYLOAD = 65536;
const CONNECTIONS = 32;
const SIZES = [64, 16 * 1024];
const ROUNDS = 5;
const RUN_MS = 2000;
const WARMUP_MS = 3000;
const IDLE_CONNECTIONS = 5000;
const MEMORY_ROUNDS = 3;

type Kind = 'bare' | 'ours' | 'loaded';
const KINDS: Kind[] = ['bare', 'ours', 'loaded'];
type Request = { type: 'cpu' } | { type: 'memory' };
type Reply = { type: 'listening'; port: number } | { type: 'cpu'; micros: number } | { type: 'memory'; rss: number; heap: number };

// ---- child: one server ---------------------------------------------------------------------------

async function serve(kind: Kind): Promise<void> {
  let port: number;
  if (kind === 'loaded') {
    const { loadConfig } = await import('../demo-server/config.ts');
    const { createDemoServer } = await import('../demo-server/server.ts');
    createDemoServer(loadConfig({ LOG_LEVEL: 'silent' })); // made, never started
  }
  if (kind === 'bare' || kind === 'loaded') {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: MAX_PAYLOAD });
    wss.on('connection', (ws) => {
      ws.on('error', () => {});
      ws.on('message', (data, isBinary) => ws.send(data as Buffer, { binary: isBinary }));
    });
    await once(wss, 'listening');
    port = (wss.address() as { port: number }).port;
  } else {
    const { loadConfig } = await import('../demo-server/config.ts');
    const { createDemoServer } = await import('../demo-server/server.ts');
    const config = loadConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      MAX_PAYLOAD: String(MAX_PAYLOAD),
      MAX_CONNECTIONS: '100000',
      MAX_CONNECTIONS_PER_IP: '0',
      MESSAGES_PER_SECOND: '1000000000',
    });
    ({ port } = await createDemoServer(config).listen());
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (request: Request) => {
    if (request.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ type: 'cpu', micros: user + system } satisfies Reply);
    } else {
      gc?.();
      gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send!({ type: 'memory', rss, heap: heapUsed } satisfies Reply);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'listening', port } satisfies Reply);
}

// ---- parent: load, measure, report ------------------------------------------------------------------

class Server {
  readonly kind: Kind;
  readonly child: ChildProcess;
  port = 0;

  constructor(kind: Kind) {
    this.kind = kind;
    const args = ['--expose-gc', fileURLToPath(import.meta.url), '--serve', kind];
    const [command, argv] = pinning ? ['taskset', ['-c', '1', process.execPath, ...args]] : [process.execPath, args];
    this.child = spawn(command, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  async ready(): Promise<this> {
    const [reply] = (await once(this.child, 'message')) as [Reply];
    if (reply.type !== 'listening') throw new Error(`${this.kind}: unexpected ${reply.type}`);
    this.port = reply.port;
    return this;
  }

  ask<T extends Reply['type']>(type: T & Request['type']): Promise<Extract<Reply, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (reply: Reply) => {
        if (reply.type !== type) return;
        this.child.off('message', onMessage);
        resolve(reply as Extract<Reply, { type: T }>);
      };
      this.child.on('message', onMessage);
      this.child.send({ type });
    });
  }

  url(localPath = '/echo'): string {
    return `ws://127.0.0.1:${this.port}${localPath}`;
  }
}

function connect(url: string, localAddress?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, localAddress });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

interface Run {
  messages: number;
  seconds: number;
  cpuMicros: number;
  rtts: number[];
}

/** 32 connections, each with one message in flight at a time, for RUN_MS. */
async function echoRun(server: Server, size: number, durationMs = RUN_MS): Promise<Run> {
  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(server.url())));
  const payload = 'a'.repeat(size);
  const rtts: number[] = [];
  let messages = 0;
  let running = true;
  // Warm up (JIT, buffers) before measuring.
  await Promise.all(sockets.map((ws) => new Promise((r) => (ws.once('message', r), ws.send(payload)))));
  const cpuBefore = (await server.ask('cpu')).micros;
  const started = performance.now();
  const finished = sockets.map(
    (ws) =>
      new Promise<void>((resolve) => {
        let sentAt = performance.now();
        ws.on('message', () => {
          const now = performance.now();
          rtts.push(now - sentAt);
          messages++;
          if (!running) return resolve();
          sentAt = now;
          ws.send(payload);
        });
        ws.send(payload);
      }),
  );
  await new Promise((r) => setTimeout(r, durationMs));
  running = false;
  await Promise.all(finished);
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros = (await server.ask('cpu')).micros - cpuBefore;
  await Promise.all(sockets.map((ws) => (ws.close(), once(ws, 'close'))));
  return { messages, seconds, cpuMicros, rtts };
}

/** RSS and heap growth per connection for IDLE_CONNECTIONS open, idle connections (after a GC). */
async function idleRun(server: Server, round: number): Promise<{ rss: number; heap: number }> {
  const before = await server.ask('memory');
  const sockets: WebSocket[] = [];
  const localAddress = `127.0.${10 + KINDS.indexOf(server.kind)}.${round + 1}`;
  for (let i = 0; i < IDLE_CONNECTIONS; i += 250) {
    const batch = Math.min(250, IDLE_CONNECTIONS - i);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, () => connect(server.url(), localAddress)))));
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = await server.ask('memory');
  for (const ws of sockets) ws.terminate();
  await new Promise((r) => setTimeout(r, 500));
  return { rss: (after.rss - before.rss) / IDLE_CONNECTIONS, heap: (after.heap - before.heap) / IDLE_CONNECTIONS };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Pins this process to CPU 0 (servers go to CPU 1) when taskset exists and there are two CPUs or more. */
function pin(): boolean {
  if (process.env.BENCH_PIN === '0') return false;
  if (process.platform !== 'linux' || (globalThis.navigator?.hardwareConcurrency ?? 1) < 2) return false;
  try {
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let pinning = false;

async function main(): Promise<void> {
  const started = performance.now();
  pinning = pin();
  const loadAtStart = loadavg()[0]!.toFixed(2);
  const servers = {
    bare: await new Server('bare').ready(),
    ours: await new Server('ours').ready(),
    loaded: await new Server('loaded').ready(),
  };
  console.log(
    `bench:server — bare ws vs the WebSocket School demo server, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds` +
      (pinning ? ' (clients on CPU 0, servers on CPU 1)\n' : '\n'),
  );

  // Warm-up, not measured: the first seconds of each traffic pattern cost several times the steady state
  // (JIT, heap and buffer pools growing), which would otherwise land in the first rounds.
  for (const size of SIZES) for (const kind of KINDS) await echoRun(servers[kind], size, WARMUP_MS);
  process.stdout.write('  (warmed up)\n');

  const runs = new Map<string, Run[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of SIZES) {
      const order = [...KINDS.slice(round % 3), ...KINDS.slice(0, round % 3)];
      for (const kind of order) {
        const run = await echoRun(servers[kind], size);
        const key = `${kind}:${size}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
        process.stdout.write(`  round ${round + 1} ${String(size).padStart(5)} B ${kind}: ${Math.round(run.messages / run.seconds)} msg/s\n`);
      }
    }
  }

  // Memory: a fresh pair of server processes per round, so no round inherits pages freed by another.
  const idle = new Map<Kind, Array<{ rss: number; heap: number }>>();
  for (let round = 0; round < MEMORY_ROUNDS; round++) {
    const order: Kind[] = round % 2 === 0 ? ['bare', 'ours'] : ['ours', 'bare'];
    for (const kind of order) {
      const fresh = await new Server(kind).ready();
      const result = await idleRun(fresh, round);
      fresh.child.disconnect();
      idle.set(kind, [...(idle.get(kind) ?? []), result]);
      process.stdout.write(`  idle round ${round + 1} ${kind}: ${(result.rss / 1024).toFixed(2)} KiB RSS per connection\n`);
    }
  }

  // [measure, bare, ours, decimals, ratio (default ours/bare of the medians)]
  const rows: Array<[string, number, number, string, number?]> = [];
  const fmt = (n: number, digits: number) => n.toFixed(digits);
  const checks: string[] = [];
  const footprint: string[] = [];
  for (const size of SIZES) {
    const label = size >= 1024 ? `${size / 1024} KiB` : `${size} B`;
    const stat = (kind: Kind) => {
      const list = runs.get(`${kind}:${size}`)!;
      const rtts = list.flatMap((r) => r.rtts).sort((a, b) => a - b);
      return {
        rate: median(list.map((r) => r.messages / r.seconds)),
        cpu: median(list.map((r) => r.cpuMicros / r.messages)),
        p50: percentile(rtts, 50),
        p99: percentile(rtts, 99),
      };
    };
    const bare = stat('bare');
    const ours = stat('ours');
    const bareRuns = runs.get(`bare:${size}`)!;
    const oursRuns = runs.get(`ours:${size}`)!;
    const loadedRuns = runs.get(`loaded:${size}`)!;
    const paired = (f: (r: Run) => number, base = bareRuns) => median(oursRuns.map((r, i) => f(r) / f(base[i]!)));
    const perMessage = (r: Run) => r.cpuMicros / r.messages;
    footprint.push(
      `  ${label}: loaded ${fmt(median(loadedRuns.map(perMessage)), 2)} µs/message; ` +
        `ours/loaded ${fmt(paired(perMessage, loadedRuns), 2)}×, loaded/bare ${fmt(median(loadedRuns.map((r, i) => perMessage(r) / perMessage(bareRuns[i]!))), 2)}×`,
    );
    rows.push([`${label} messages/s`, bare.rate, ours.rate, '0', paired((r) => r.messages / r.seconds)]);
    rows.push([`${label} server CPU µs/message`, bare.cpu, ours.cpu, '2', paired((r) => r.cpuMicros / r.messages)]);
    rows.push([`${label} round trip p50 ms`, bare.p50, ours.p50, '3']);
    rows.push([`${label} round trip p99 ms`, bare.p99, ours.p99, '3']);
    const ratio = paired((r) => r.cpuMicros / r.messages);
    checks.push(`CPU per message, ${label}: ${fmt(ratio, 2)}× bare (target ≤ 1.10) ${ratio <= 1.1 ? 'OK' : 'MISSED'}`);
  }
  const bareIdle = median(idle.get('bare')!.map((r) => r.rss));
  const oursIdle = median(idle.get('ours')!.map((r) => r.rss));
  rows.push([`idle RSS KiB/connection (${IDLE_CONNECTIONS})`, bareIdle / 1024, oursIdle / 1024, '2']);
  rows.push([
    `idle heap KiB/connection (${IDLE_CONNECTIONS})`,
    median(idle.get('bare')!.map((r) => r.heap)) / 1024,
    median(idle.get('ours')!.map((r) => r.heap)) / 1024,
    '2',
  ]);
  checks.push(`idle memory: ${fmt(oursIdle / bareIdle, 2)}× bare (target ≤ 1.20) ${oursIdle / bareIdle <= 1.2 ? 'OK' : 'MISSED'}`);

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'measure'.padEnd(width)}  ${'bare'.padStart(10)}  ${'ours'.padStart(10)}  ${'ours/bare'.padStart(9)}`);
  for (const [name, bare, ours, digits, ratio] of rows) {
    const d = Number(digits);
    const shown = ratio ?? ours / bare;
    console.log(`${name.padEnd(width)}  ${fmt(bare, d).padStart(10)}  ${fmt(ours, d).padStart(10)}  ${fmt(shown, 2).padStart(9)}`);
  }
  console.log(`\n${checks.join('\n')}`);
  console.log(
    `\nOur per-message code vs process footprint ("loaded" = the bare echo in a process that also loaded our modules):\n${footprint.join('\n')}`,
  );
  const load = loadavg()[0]!.toFixed(2);
  console.log(
    `(${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadAtStart} → ${load}. Values: medians of ${ROUNDS} rounds (${MEMORY_ROUNDS} for memory, ` +
      'each on fresh processes); CPU and rate ratios: medians of the per-round ratios; latencies over all round trips.)',
  );

  for (const server of Object.values(servers)) server.child.disconnect();
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as Kind);
else await main();
