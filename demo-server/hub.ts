// Every open connection: counts per endpoint and per address, one log line each way, and one heartbeat
// timer for all of them (no per-connection timers).
import type { Duplex } from 'node:stream';
import { Tally } from './address.ts';
import { listen, type Client } from './client.ts';
import type { Config } from './config.ts';
import type { Endpoint } from './endpoint.ts';
import { printable, type Log } from './log.ts';

/** Shutting down on SIGTERM/SIGINT: RFC 6455 §7.4.1's "going away" (README, "Running more than one instance"). */
const GOING_AWAY = { code: 1001, reason: 'Server shutting down' };

export class Hub {
  readonly config: Config;
  readonly log: Log;
  readonly clients = new Set<Client>();
  readonly perEndpoint = new Map<string, number>();
  readonly perAddress = new Tally();
  /** Work to do on each heartbeat besides pinging (sweeping inspector sessions…). */
  readonly onHeartbeat = new Set<() => void>();
  closing = false;
  #nextId = 1;
  #heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(config: Config, log: Log) {
    this.config = config;
    this.log = log;
  }

  /** Registers a just-accepted connection and wires the listeners every connection gets. */
  add(client: Client, endpoint: Endpoint, address: string, limitKey: string, socket: Duplex): void {
    client.id = this.#nextId++;
    client.hub = this;
    client.endpoint = endpoint;
    client.address = address;
    client.limitKey = limitKey;
    client.socket = socket;
    client.openedAt = Date.now();
    if (endpoint.rateLimited && this.config.messagesPerSecond > 0) {
      client.rate = this.config.messagesPerSecond;
      client.tokens = client.rate;
      client.refilledAt = client.openedAt;
    }
    listen(client, 'error', onClientError);
    listen(client, 'close', onClientClose);
    listen(client, 'pong', onClientPong);

    this.clients.add(client);
    this.perEndpoint.set(endpoint.path, (this.perEndpoint.get(endpoint.path) ?? 0) + 1);
    this.perAddress.add(limitKey);
    const protocol = client.protocol ? ` protocol=${client.protocol}` : '';
    const extensions = client.extensions ? ` extensions=${client.extensions.split(';')[0]}` : '';
    this.log.line(`open  #${client.id} ${endpoint.path} ${address}${protocol}${extensions}`);
  }

  remove(client: Client, code: number): void {
    if (!this.clients.delete(client)) return;
    const path = client.endpoint.path;
    const left = (this.perEndpoint.get(path) ?? 1) - 1;
    if (left > 0) this.perEndpoint.set(path, left);
    else this.perEndpoint.delete(path);
    this.perAddress.remove(client.limitKey);
    const seconds = ((Date.now() - client.openedAt) / 1000).toFixed(1);
    const problem = client.problem ? ` ${client.problem}` : '';
    this.log.line(`close #${client.id} ${path} ${client.address} code=${code}${problem} ${seconds}s`);
    client.endpoint.closed?.(client);
  }

  startHeartbeat(): void {
    this.#heartbeat = setInterval(() => this.#beat(), this.config.heartbeatMs);
  }

  stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  #beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.problem = 'no pong';
        client.terminate();
        continue;
      }
      client.alive = false;
      if (client.readyState === 1) client.ping();
    }
    for (const task of this.onHeartbeat) task();
  }

  /** Closes every client (1001 unless told); resolves when all have gone (stragglers are cut after `graceMs`). */
  closeAll(graceMs: number, goodbye: { code: number; reason: string } = GOING_AWAY): Promise<void> {
    this.stopHeartbeat();
    if (this.clients.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const client of this.clients) client.terminate();
      }, graceMs);
      let left = this.clients.size;
      const done = () => {
        if (--left === 0) {
          clearTimeout(timer);
          resolve();
        }
      };
      for (const client of this.clients) {
        client.once('close', done);
        client.close(goodbye.code, goodbye.reason);
      }
    });
  }
}

function onClientError(this: Client, error: Error & { code?: string }): void {
  // ws has already chosen the close code (1002, 1007, 1009…) and is closing; keep the reason for the log.
  this.problem = printable(error.code ?? error.message, 60);
}

function onClientClose(this: Client, code: number): void {
  this.hub.remove(this, code);
}

function onClientPong(this: Client): void {
  this.alive = true;
}
