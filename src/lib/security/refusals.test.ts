import { describe, expect, it } from 'vitest';
import type { WebSocketLike } from '../server/sockets.ts';
import { Crowd, burstFor, messageOfSize, provoke } from './refusals.ts';

type Listener = (event: any) => void;

/** A socket whose server is a function: it sees each message and may echo it or close with a code. */
function fakeSocket(behave: { opens: boolean; onMessage?: (s: FakeSocket, data: string) => void }) {
  return new FakeSocket(behave);
}

class FakeSocket implements WebSocketLike {
  readyState = 0;
  bufferedAmount = 0;
  protocol = '';
  extensions = '';
  url = 'ws://test/echo';
  binaryType: 'blob' | 'arraybuffer' = 'blob';
  closedWith: number | null = null;
  readonly #listeners = new Map<string, Listener[]>();
  readonly behave: { opens: boolean; onMessage?: (s: FakeSocket, data: string) => void };
  constructor(behave: FakeSocket['behave']) {
    this.behave = behave;
    queueMicrotask(() => (behave.opens ? this.open() : this.end(1006, '', false)));
  }
  addEventListener(type: string, listener: Listener) {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  emit(type: string, event: object = {}) {
    for (const l of this.#listeners.get(type) ?? []) l(event);
  }
  open() {
    this.readyState = 1;
    this.emit('open');
  }
  end(code: number, reason: string, wasClean: boolean) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.emit('close', { code, reason, wasClean });
  }
  send(data: string | ArrayBuffer | ArrayBufferView | Blob) {
    if (this.readyState === 1) this.behave.onMessage?.(this, String(data));
  }
  close(code = 1005) {
    this.closedWith = code;
    this.end(code, '', true);
  }
}

describe('messageOfSize and burstFor', () => {
  it('makes a message of exactly that many bytes', () => {
    expect(new TextEncoder().encode(messageOfSize(65537)).length).toBe(65537);
  });
  it('sends more than a one-second bucket holds', () => {
    expect(burstFor(50)).toBeGreaterThan(50);
  });
});

describe('provoke', () => {
  it('reports the code the server closed with (1009 over the limit)', async () => {
    const limit = 10;
    const open = () =>
      fakeSocket({ opens: true, onMessage: (s, d) => (d.length > limit ? s.end(1009, 'Message too big', true) : s.emit('message', { data: d })) });
    expect(await provoke(open, [messageOfSize(11)])).toEqual({ kind: 'closed', code: 1009, reason: 'Message too big', wasClean: true, echoes: 0 });
  });

  it('says allowed when every message comes back and nothing closes', async () => {
    const open = () => fakeSocket({ opens: true, onMessage: (s, d) => s.emit('message', { data: d }) });
    expect(await provoke(open, ['a', 'b'], 10)).toEqual({ kind: 'allowed', echoes: 2 });
  });

  it('says unreachable when the socket never opened', async () => {
    expect(await provoke(() => fakeSocket({ opens: false }), ['a'])).toEqual({ kind: 'unreachable' });
  });
});

describe('Crowd', () => {
  it('counts the connections that opened before the first refusal, and releases them', async () => {
    const made: FakeSocket[] = [];
    const crowd = new Crowd(() => {
      const s = fakeSocket({ opens: made.length < 3 });
      made.push(s);
      return s;
    });
    const seen: number[] = [];
    const result = await crowd.run((r) => r.kind === 'running' && seen.push(r.opened));
    expect(result).toEqual({ kind: 'refused', opened: 3 });
    expect(seen).toEqual([1, 2, 3]);
    crowd.release();
    expect(made.slice(0, 3).map((s) => s.closedWith)).toEqual([1000, 1000, 1000]);
  });

  it('stops at the ceiling when the server allows more', async () => {
    const crowd = new Crowd(() => fakeSocket({ opens: true }));
    expect(await crowd.run(() => {}, 5)).toEqual({ kind: 'ceiling', opened: 5 });
  });

  it('a first connection that fails means the server is unreachable, not a refusal', async () => {
    expect(await new Crowd(() => fakeSocket({ opens: false })).run(() => {})).toEqual({ kind: 'unreachable' });
  });
});
