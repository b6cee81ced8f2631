import { describe, expect, it } from 'vitest';
import { inspectArrival, makeOutgoing, SEND_KINDS, textOf } from './payload.ts';
import { MessageExchange } from './exchange.ts';

describe('makeOutgoing', () => {
  it('builds each kind of data from the same text, counting UTF-8 bytes', () => {
    const text = 'xin chào'; // 8 characters, 9 bytes: à is two
    const out = SEND_KINDS.map((kind) => makeOutgoing(kind, text));
    expect(out.map((o) => o.label)).toEqual(['string', 'ArrayBuffer', 'Uint8Array', 'Blob']);
    expect(out.map((o) => o.bytes)).toEqual([9, 9, 9, 9]);
    expect(out[0]!.data).toBe(text);
    expect(out[1]!.data).toBeInstanceOf(ArrayBuffer);
    expect((out[1]!.data as ArrayBuffer).byteLength).toBe(9);
    expect(out[2]!.data).toBeInstanceOf(Uint8Array);
    expect(out[3]!.data).toBeInstanceOf(Blob);
    expect((out[3]!.data as Blob).size).toBe(9);
    expect(out[3]!.code).toBe(`socket.send(new Blob(["xin chào"], { type: 'text/plain' }))`);
  });

  it('counts an emoji as 4 bytes and as 2 UTF-16 code units', () => {
    const out = makeOutgoing('string', '👋');
    expect('👋'.length).toBe(2);
    expect(out.bytes).toBe(4);
  });
});

describe('inspectArrival', () => {
  it('describes a string', async () => {
    expect(await inspectArrival('chào')).toEqual({ type: 'string', text: 'chào', bytes: 5 });
  });

  it('describes an ArrayBuffer with hex and, when valid UTF-8, text', async () => {
    const data = new TextEncoder().encode('hi').buffer;
    expect(await inspectArrival(data)).toEqual({ type: 'ArrayBuffer', bytes: 2, hex: '68 69', text: 'hi' });
    expect(await inspectArrival(new Uint8Array([0xff, 0x00]).buffer)).toMatchObject({ hex: 'ff 00', text: null });
  });

  it('reads a Blob’s bytes with arrayBuffer(), keeping its size and (empty) type', async () => {
    const blob = new Blob([new TextEncoder().encode('chào')]);
    expect(await inspectArrival(blob)).toEqual({ type: 'Blob', bytes: 5, mime: '', hex: '63 68 c3 a0 6f', text: 'chào' });
  });

  it('rejects invalid UTF-8 as text', () => {
    expect(textOf(new Uint8Array([0xc3]))).toBe(null);
  });
});

describe('MessageExchange', () => {
  const out = makeOutgoing('string', 'a');
  const arrival = { type: 'string', text: 'a', bytes: 1 } as const;

  it('pairs each echo with the oldest send still waiting', () => {
    const ex = new MessageExchange();
    ex.sent(out, { readyState: 1, before: 0, after: 1, error: null });
    ex.sent(makeOutgoing('blob', 'b'), { readyState: 1, before: 1, after: 2, error: null });
    ex.arrived(arrival);
    expect(ex.items.map((i) => i.status)).toEqual(['echoed', 'waiting']);
    expect(ex.items[0]!.arrived).toEqual(arrival);
  });

  it('marks a send that threw, and one discarded after close(), and never pairs them', () => {
    const ex = new MessageExchange();
    const error = Object.assign(new Error('Still in CONNECTING state.'), { name: 'InvalidStateError' });
    ex.sent(out, { readyState: 0, before: 0, after: 0, error });
    ex.sent(out, { readyState: 2, before: 0, after: 1, error: null });
    ex.sent(out, { readyState: 3, before: 1, after: 2, error: null });
    ex.arrived(arrival);
    expect(ex.items.map((i) => i.status)).toEqual(['threw', 'discarded', 'discarded', 'echoed']);
    expect(ex.items[0]!.error).toEqual({ name: 'InvalidStateError', message: 'Still in CONNECTING state.' });
    expect(ex.items[3]!.sent).toBe(null);
  });

  it('says which sends will never be answered once the connection is gone', () => {
    const ex = new MessageExchange();
    ex.sent(out, { readyState: 1, before: 0, after: 1, error: null });
    ex.ended();
    expect(ex.items[0]!.status).toBe('unanswered');
  });

  it('keeps a bounded history', () => {
    const ex = new MessageExchange(3);
    for (let i = 0; i < 5; i++) ex.sent(out, { readyState: 3, before: i, after: i + 1, error: null });
    expect(ex.items.map((i) => i.before)).toEqual([2, 3, 4]);
  });
});
