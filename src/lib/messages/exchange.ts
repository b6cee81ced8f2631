// The Messages lab's record of what happened to each send(): thrown, discarded, waiting for its echo, or
// echoed back (with what arrived). /echo answers in order, so each arrival belongs to the oldest send
// still waiting.

import type { Arrived, Outgoing } from './payload.ts';

export type SendStatus = 'threw' | 'discarded' | 'waiting' | 'echoed' | 'unanswered';

export type ExchangeItem = {
  id: number;
  /** What was passed to send(); null for a message that arrived without one (not from /echo). */
  sent: Pick<Outgoing, 'kind' | 'label' | 'code' | 'bytes'> | null;
  /** readyState when send() was called. */
  readyState: number;
  /** bufferedAmount just before and just after the call. */
  before: number;
  after: number;
  status: SendStatus;
  error: { name: string; message: string } | null;
  arrived: Arrived | null;
};

export type SendResult = { readyState: number; before: number; after: number; error: Error | null };

export class MessageExchange {
  #items: ExchangeItem[] = [];
  #nextId = 1;
  #max: number;

  constructor(max = 50) {
    this.#max = max;
  }

  get items(): readonly ExchangeItem[] {
    return this.#items;
  }

  /** Records one send() call and how the browser took it. */
  sent(out: Outgoing, result: SendResult): ExchangeItem {
    const { readyState, before, after, error } = result;
    const status: SendStatus = error ? 'threw' : readyState >= 2 ? 'discarded' : 'waiting';
    const item: ExchangeItem = {
      id: this.#nextId++,
      sent: { kind: out.kind, label: out.label, code: out.code, bytes: out.bytes },
      readyState,
      before,
      after,
      status,
      error: error ? { name: error.name, message: error.message } : null,
      arrived: null,
    };
    this.#push(item);
    return item;
  }

  /** A message event, already inspected: it answers the oldest send still waiting. */
  arrived(arrival: Arrived): ExchangeItem {
    const waiting = this.#items.find((i) => i.status === 'waiting');
    const item: ExchangeItem = waiting
      ? { ...waiting, status: 'echoed', arrived: arrival }
      : { id: this.#nextId++, sent: null, readyState: 1, before: 0, after: 0, status: 'echoed', error: null, arrived: arrival };
    if (waiting) this.#items = this.#items.map((i) => (i === waiting ? item : i));
    else this.#push(item);
    return item;
  }

  /** The connection is gone (closed or replaced): sends still waiting will never be answered. */
  ended(): void {
    if (!this.#items.some((i) => i.status === 'waiting')) return;
    this.#items = this.#items.map((i) => (i.status === 'waiting' ? { ...i, status: 'unanswered' } : i));
  }

  clear(): void {
    this.#items = [];
  }

  #push(item: ExchangeItem): void {
    this.#items = [...this.#items, item].slice(-this.#max);
  }
}
