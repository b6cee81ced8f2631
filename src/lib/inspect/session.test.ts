import { describe, expect, it } from 'vitest';
import { ConnectionModel } from '../connection/model.ts';
import { FakeSocket } from '../connection/testing.ts';
import { parseRecordMessage } from './records.ts';
import { InspectorSession, inspectUrl, newSessionId, withSession, type InspectSocketLike } from './session.ts';

/** The scripted socket, plus what an /inspect stream does: records arrive as JSON text, and it ends with the error event first. */
class FakeInspectSocket extends FakeSocket implements InspectSocketLike {
  message(data: unknown) {
    this.fire('message', { data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  override closed(code: number, reason = '') {
    this.readyState = 3;
    this.fire('error');
    this.fire('close', { code, reason, wasClean: code !== 1006 });
  }
}

const frame = (n: number, dir: 'client' | 'server' = 'server') => ({
  kind: 'frame',
  dir,
  t: n,
  fin: true,
  rsv: [false, false, false],
  opcode: 1,
  masked: false,
  maskKey: null,
  length: 1,
  headerHex: '8101',
  payloadHex: '61',
  text: 'a',
});

/** A session whose record checks are given (as a page has them once loaded), unless `lazy`. */
function setup(maxFrames?: number, lazy = false) {
  const sockets: FakeInspectSocket[] = [];
  const make = (url: string) => {
    const s = new FakeInspectSocket(url);
    sockets.push(s);
    return s;
  };
  const connection = new ConnectionModel({ createSocket: make, pollMs: 0 });
  let n = 0;
  const session = new InspectorSession({
    createSocket: make,
    connection,
    maxFrames,
    newId: () => `id${++n}`,
    parseRecords: lazy ? undefined : parseRecordMessage,
  });
  return { session, connection, sockets };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('session ids and URLs', () => {
  it('makes 128-bit ids as 32 hex digits, different each time', () => {
    const a = newSessionId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newSessionId()).not.toBe(a);
  });

  it('adds the session to a URL, keeping its query', () => {
    expect(withSession('ws://h:1/echo', 'abc')).toBe('ws://h:1/echo?session=abc');
    expect(withSession('ws://h:1/echo?fragment=3', 'abc')).toBe('ws://h:1/echo?fragment=3&session=abc');
    expect(inspectUrl('wss://h/base/', 'abc')).toBe('wss://h/base/inspect?session=abc');
  });
});

describe('InspectorSession', () => {
  it('opens /inspect first and the tapped connection only once it is open', async () => {
    const { session, sockets } = setup();
    const done = session.connect('ws://h:1', '/echo?fragment=2');
    expect(sockets.map((s) => s.url)).toEqual(['ws://h:1/inspect?session=id1']);
    expect(session.snapshot().status).toBe('opening');
    sockets[0]!.open();
    expect(await done).toBe(true);
    expect(sockets.map((s) => s.url)).toEqual([
      'ws://h:1/inspect?session=id1',
      'ws://h:1/echo?fragment=2&session=id1',
    ]);
    expect(session.snapshot()).toMatchObject({ status: 'open', sessionId: 'id1', error: null });
  });

  it('collects the handshake and frames, numbering frames, and tells subscribers', async () => {
    const { session, sockets } = setup();
    const seen: number[] = [];
    session.subscribe((snap) => seen.push(snap.frames.length));
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    const handshake = {
      kind: 'handshake',
      request: { method: 'GET', path: '/echo?session=id1', headers: [['Host', 'h:1']] },
      response: { status: 101, headers: [['Upgrade', 'websocket']] },
    };
    sockets[0]!.message(handshake);
    sockets[0]!.message([frame(1, 'client'), frame(2)]);
    const snap = session.snapshot();
    expect(snap.handshake?.response.status).toBe(101);
    expect(snap.frames.map((f) => [f.seq, f.dir])).toEqual([[1, 'client'], [2, 'server']]);
    expect(seen.at(-1)).toBe(2);
  });

  it('loads the record checks with the first stream, keeping what arrives meanwhile in order', async () => {
    const { session, sockets } = setup(undefined, true);
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    sockets[0]!.message(frame(1, 'client'));
    sockets[0]!.message([frame(2), 'not a record']);
    await expect.poll(() => session.snapshot().frames.length).toBe(2);
    expect(session.snapshot().frames.map((f) => [f.seq, f.dir])).toEqual([[1, 'client'], [2, 'server']]);
    expect(session.snapshot().invalid).toBe(1);
    // Loaded once: the next message is checked as it arrives.
    sockets[0]!.message(frame(3));
    expect(session.snapshot().frames).toHaveLength(3);
  });

  it('keeps at most maxFrames, counting what it dropped, plus what the server dropped', async () => {
    const { session, sockets } = setup(3);
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    for (let i = 1; i <= 5; i++) sockets[0]!.message(frame(i));
    sockets[0]!.message({ kind: 'dropped', count: 10 });
    const snap = session.snapshot();
    expect(snap.frames.map((f) => f.seq)).toEqual([3, 4, 5]);
    expect(snap.dropped).toBe(12);
  });

  it('clears frames but keeps the handshake and the numbering', async () => {
    const { session, sockets } = setup();
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    sockets[0]!.message({
      kind: 'handshake',
      request: { method: 'GET', path: '/echo', headers: [] },
      response: { status: 101, headers: [] },
    });
    sockets[0]!.message(frame(1));
    session.clearFrames();
    sockets[0]!.message(frame(2));
    const snap = session.snapshot();
    expect(snap.handshake).not.toBeNull();
    expect(snap.frames.map((f) => f.seq)).toEqual([2]);
  });

  it('ignores and counts malformed records', async () => {
    const { session, sockets } = setup();
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    sockets[0]!.message('not json');
    sockets[0]!.message({ ...frame(1), opcode: 2 });
    sockets[0]!.message(frame(2));
    const snap = session.snapshot();
    expect(snap.frames).toHaveLength(1);
    expect(snap.invalid).toBe(2);
    expect(snap.lastInvalid).toMatch(/disagrees/);
  });

  it('says /inspect is unreachable and opens nothing else when it closes before opening', async () => {
    const { session, sockets } = setup();
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.closed(1006);
    expect(await done).toBe(false);
    expect(sockets).toHaveLength(1);
    expect(session.snapshot()).toMatchObject({
      status: 'closed',
      error: { kind: 'unreachable', url: 'ws://h:1/inspect?session=id1' },
    });
  });

  it('says the stream was lost, with code and reason, when it ends after opening', async () => {
    const { session, sockets } = setup();
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    sockets[0]!.closed(1001, 'server shutting down');
    expect(session.snapshot().error).toEqual({
      kind: 'lost',
      url: 'ws://h:1/inspect?session=id1',
      code: 1001,
      reason: 'server shutting down',
    });
  });

  it('reports a base that is not a WebSocket URL', async () => {
    const session = new InspectorSession({
      createSocket: (url) => {
        throw new DOMException(`The URL '${url}' is invalid.`, 'SyntaxError');
      },
      connection: new ConnectionModel({ pollMs: 0, createSocket: (url) => new FakeSocket(url) }),
    });
    expect(await session.connect('ftp://x', '/echo')).toBe(false);
    expect(session.snapshot().error).toMatchObject({ kind: 'badUrl' });
  });

  it('starts a fresh session for each connection and ignores the old stream', async () => {
    const { session, sockets } = setup();
    const first = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await first;
    sockets[0]!.message(frame(1));
    const second = session.connect('ws://h:1', '/echo-deflate');
    expect(sockets[0]!.closedWith).toEqual([1000, 'done']);
    const inspector2 = sockets[2]!;
    expect(inspector2.url).toBe('ws://h:1/inspect?session=id2');
    expect(session.snapshot().frames).toEqual([]);
    sockets[0]!.message(frame(2)); // late, from the old stream
    sockets[0]!.closed(1000);
    inspector2.open();
    await second;
    expect(session.snapshot()).toMatchObject({ status: 'open', sessionId: 'id2', error: null, frames: [] });
    expect(sockets[3]!.url).toBe('ws://h:1/echo-deflate?session=id2');
    // The old tapped connection was replaced by the model.
    expect(sockets[1]!.closedWith).toEqual([1000, 'replaced']);
  });

  it('dispose closes the stream and leaves a model it was given to its owner', async () => {
    const { session, connection, sockets } = setup();
    const done = session.connect('ws://h:1', '/echo');
    sockets[0]!.open();
    await done;
    session.dispose();
    expect(sockets[0]!.closedWith).toEqual([1000, 'done']);
    expect(connection.socket).not.toBeNull();
    await flush();
  });
});
