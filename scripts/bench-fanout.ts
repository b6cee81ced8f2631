// `npm run bench:fanout`: chat fan-out with one demo server alone vs two instances joined by a real
// redis-server (REDIS_URL), 1,000 subscribers split evenly over the instances, one sender on the first.
// For each setup: delivered messages per second, delivery latency p50/p99 (send → arrival, one clock:
// the load generator's), and server CPU (all instances, from /proc) per delivered message. Printed with
// the two-instance figures as ratios of the one-instance ones, measured in the same run. Bounded: each
// setup sends MESSAGES at RATE and waits at most DRAIN_MS for stragglers. The load generator (1,000
// clients in this process) shares the machine's cores with the servers, so absolute figures are low;
// the ratios are what to read.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { spawnServer, type ChildServer } from '../demo-server/test/child.ts';
import { hasRedis, startRedis } from '../demo-server/test/redis.ts';

const SUBSCRIBERS = 1000;
const RATE = 20; // chat messages per second from the sender…
const MESSAGES = 100; // …this many, on a fixed schedule (late sends catch up), so every setup gets the same load
const DRAIN_MS = 5000;
const ROUNDS = 3;

const CLOCK_TICKS = 100; // USER_HZ on Linux
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
  cpuMicrosPerMessage: number;
  delivered: number;
  expected: number;
}

async function connect(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

async function run(instances: ChildServer[]): Promise<Result> {
  const latencies: number[] = [];
  let delivered = 0;
  let lastArrival = 0;
  const subscribers: WebSocket[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const server = instances[i % instances.length]!;
    const ws = await connect(server.url(`/chat?nick=s${i}`));
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text.includes('"bench:')) return; // joins and leaves
      const sent = Number(/"bench:([\d.]+)"/.exec(text)![1]);
      const now = performance.now();
      latencies.push(now - sent);
      delivered++;
      lastArrival = now;
    });
    subscribers.push(ws);
  }
  const sender = await connect(instances[0]!.url('/chat?nick=sender'));
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let the joins' fan-out settle

  const cpuBefore = instances.reduce((sum, s) => sum + cpuSeconds(s.child.pid!), 0);
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(MESSAGES, Math.floor(((performance.now() - started) * RATE) / 1000) + 1);
      for (; sent < due; sent++) sender.send(JSON.stringify({ type: 'message', text: `bench:${performance.now()}` }));
      if (sent >= MESSAGES) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / RATE / 2);
  });
  const expected = sent * SUBSCRIBERS;
  const drainEnd = performance.now() + DRAIN_MS;
  while (delivered < expected && performance.now() < drainEnd) await new Promise((resolve) => setTimeout(resolve, 50));
  const cpuAfter = instances.reduce((sum, s) => sum + cpuSeconds(s.child.pid!), 0);

  for (const ws of [...subscribers, sender]) ws.terminate();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: delivered / ((lastArrival - started) / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuMicrosPerMessage: ((cpuAfter - cpuBefore) * 1e6) / Math.max(1, delivered),
    delivered,
    expected,
  };
}

const serverEnv = { MAX_CONNECTIONS_PER_IP: '0', MESSAGES_PER_SECOND: '0', MAX_CONNECTIONS: '5000', HEARTBEAT_MS: '600000' };

async function main(): Promise<void> {
  if (!hasRedis) {
    console.error('bench:fanout needs /usr/bin/redis-server (apt-get install redis-server)');
    process.exit(1);
  }
  const redis = await startRedis();
  const rows: Array<{ setup: string; result: Result }> = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const alone = await spawnServer(serverEnv);
      rows.push({ setup: '1 instance', result: await run([alone]) });
      await alone.stop();
      const pair = await Promise.all([0, 1].map(() => spawnServer({ ...serverEnv, REDIS_URL: redis.url })));
      for (const s of pair) {
        for (let i = 0; i < 50 && !/^bus up$/m.test(await s.health()); i++) await new Promise((r) => setTimeout(r, 100));
      }
      rows.push({ setup: '2 instances + Redis', result: await run(pair) });
      await Promise.all(pair.map((s) => s.stop()));
    }
  } finally {
    await redis.stop();
  }

  const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  console.log(`chat fan-out: ${SUBSCRIBERS} subscribers, ${MESSAGES} messages at ${RATE}/s, ${ROUNDS} rounds`);
  console.log('setup                    delivered/s   p50 ms   p99 ms   CPU µs/msg   delivered');
  for (const { setup, result: r } of rows) {
    console.log(`${setup.padEnd(22)} ${fmt(r.perSecond, 0)}  ${fmt(r.p50)}${fmt(r.p99)}  ${fmt(r.cpuMicrosPerMessage, 2)}    ${r.delivered}/${r.expected}`);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const of = (setup: string, pick: (r: Result) => number) => median(rows.filter((row) => row.setup === setup).map((row) => pick(row.result)));
  const ratio = (pick: (r: Result) => number) => (of('2 instances + Redis', pick) / of('1 instance', pick)).toFixed(2);
  console.log('\n2 instances + Redis relative to 1 instance (medians over rounds):');
  console.log(`  delivered/s ×${ratio((r) => r.perSecond)}   p50 ×${ratio((r) => r.p50)}   p99 ×${ratio((r) => r.p99)}   CPU per delivered message ×${ratio((r) => r.cpuMicrosPerMessage)}`);
}

await main();
