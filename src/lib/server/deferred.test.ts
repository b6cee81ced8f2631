import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedServer } from '../sim/index.ts';
import { until, watch } from '../sim/testing.ts';
import { createEventSource, createSocket, hasSimulatedServer, loadSimulatedServer, serverFetch, setSimulatedServer, setSimulatedServerLoader, streamFactoryFor, type SimulatedServer } from './sockets.ts';

/** A loader the test releases by hand, so it can act on sockets opened while the simulator is loading. */
function heldLoader() {
  let release!: () => void;
  let fail!: () => void;
  let calls = 0;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(new Error('chunk failed to load'));
  });
  setSimulatedServerLoader(() => {
    calls++;
    return gate.then((): SimulatedServer => createSimulatedServer());
  });
  return { release, fail, calls: () => calls };
}

const caught = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return (error as DOMException).name;
  }
  return 'nothing thrown';
};

afterEach(() => {
  setSimulatedServer(null);
  setSimulatedServerLoader(null);
});

describe('the simulated server, loaded on demand', () => {
  it('is not loaded until a simulated connection (or the choice) asks for it, and then once', async () => {
    const loader = heldLoader();
    expect(hasSimulatedServer()).toBe(false);
    expect(loader.calls()).toBe(0);
    const a = createSocket('ws://simulated.invalid/echo');
    const b = createSocket('ws://simulated.invalid/echo');
    loadSimulatedServer();
    expect(loader.calls()).toBe(1);
    loader.release();
    await until(() => a.readyState === 1 && b.readyState === 1);
    expect(hasSimulatedServer()).toBe(true);
    a.close();
    b.close();
  });

  it('hands out a CONNECTING socket that opens once the simulator is there, with listeners and binaryType set before', async () => {
    const loader = heldLoader();
    const ws = createSocket('ws://simulated.invalid/echo', ['json', 'chat.v1']);
    expect(ws.url).toBe('ws://simulated.invalid/echo');
    expect(ws.readyState).toBe(0);
    ws.binaryType = 'arraybuffer';
    const seen = watch(ws);
    expect(caught(() => ws.send('too soon'))).toBe('InvalidStateError');
    loader.release();
    await until(() => seen.length > 0);
    expect(seen).toEqual(['open 1']);
    expect(ws.protocol).toBe('json');
    ws.send(new Uint8Array([1, 2, 3]));
    await until(() => seen.length > 1);
    expect(seen[1]).toBe('message ab:1,2,3');
    ws.close(1000);
    await until(() => seen.length > 2);
    expect(seen[2]).toBe('close 1000 "" true 3');
  });

  it('throws the constructor and close() errors at the call, before anything has loaded', () => {
    const loader = heldLoader();
    expect(caught(() => createSocket('ws://simulated.invalid/echo#part'))).toBe('SyntaxError');
    expect(caught(() => createSocket('ws://simulated.invalid/echo', ['a', 'a']))).toBe('SyntaxError');
    const ws = createSocket('ws://simulated.invalid/echo');
    expect(caught(() => ws.close(1006))).toBe('InvalidAccessError');
    expect(caught(() => ws.close(1000, 'é'.repeat(62)))).toBe('SyntaxError');
    expect(ws.readyState).toBe(0);
    loader.release();
  });

  it('fails a connection closed while loading, as the browser fails one closed while CONNECTING', async () => {
    const loader = heldLoader();
    const ws = createSocket('ws://simulated.invalid/echo');
    const seen = watch(ws);
    ws.close();
    expect(ws.readyState).toBe(2);
    ws.send('after close: taken, never sent');
    loader.release();
    await until(() => seen.length > 1);
    expect(seen).toEqual(['error 3', 'close 1006 "" false 3']);
  });

  it('fails its connections (error, close 1006) when the simulator cannot load, and tries again next time', async () => {
    const loader = heldLoader();
    const ws = createSocket('ws://simulated.invalid/echo');
    const seen = watch(ws);
    loader.fail();
    await until(() => seen.length > 1);
    expect(seen).toEqual(['error 3', 'close 1006 "" false 3']);
    heldLoader().release();
    const again = createSocket('ws://simulated.invalid/echo');
    await until(() => again.readyState === 1);
    again.close();
  });

  it('answers fetch and EventSource once loaded; an EventSource closed while loading never opens', async () => {
    const loader = heldLoader();
    const answer = serverFetch('http://simulated.invalid/alt/poll?hz=2');
    const source = createEventSource('http://simulated.invalid/alt/sse?hz=20');
    const closedEarly = createEventSource('http://simulated.invalid/alt/sse?hz=20');
    const events: string[] = [];
    source.onopen = () => events.push(`open ${source.readyState}`);
    source.onmessage = () => events.push('message');
    closedEarly.onopen = () => events.push('closed one opened');
    closedEarly.close();
    expect(source.readyState).toBe(0);
    expect(closedEarly.readyState).toBe(2);
    loader.release();
    expect((await answer).status).toBe(200);
    await until(() => events.includes('message'));
    expect(events[0]).toBe('open 1');
    expect(events).not.toContain('closed one opened');
    source.close();
    expect(source.readyState).toBe(2);
  });

  it('hands out a WebSocketStream whose opened and closed settle once the simulator is there', async () => {
    const loader = heldLoader();
    const open = streamFactoryFor('ws://simulated.invalid/echo')!;
    expect(caught(() => open('ws://simulated.invalid/echo', { protocols: ['a', 'a'] }))).toBe('SyntaxError');
    const stream = open('ws://simulated.invalid/echo', { protocols: ['json'] });
    const early = open('ws://simulated.invalid/echo');
    expect(caught(() => early.close({ closeCode: 1000, reason: 'é'.repeat(62) }))).toBe('SyntaxError');
    early.close({ closeCode: 4000 });
    loader.release();
    const { protocol, writable, readable } = await stream.opened;
    expect(protocol).toBe('json');
    const writer = writable.getWriter();
    await writer.write('hi');
    const { value } = await readable.getReader().read();
    expect(value).toBe('hi');
    stream.close({ closeCode: 1000 });
    expect(await stream.closed).toEqual({ closeCode: 1000, reason: '' });
    await expect(early.opened).rejects.toThrow();
  });
});
