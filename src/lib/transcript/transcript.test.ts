import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../connection/model.ts';
import { MAX_HAR_BYTES, parseHar } from '../har/parse.ts';
import { findSecrets, REDACTED } from '../har/secrets.ts';
import { decodeFrames } from '../protocol/decodeFrames.ts';
import { toHex } from '../protocol/hex.ts';
import { describe as describeTranscript, openFile, redact, secretsOf, toHar } from './har.ts';
import { Replay, type Timers } from './replay.ts';
import { MAX_SHARE_BYTES, readShareFragment, shareFragment } from './share.ts';
import { messageFrame, ratePerSecond, readyStateAfter } from './timeline.ts';
import { fromLab, prettyJson, readTranscript, type Transcript, type TranscriptMessage } from './transcript.ts';

const log: LogEntry[] = [
  { id: 1, t: 100, kind: 'connect', url: 'ws://localhost:8080/echo?token=abc', protocols: [] },
  { id: 2, t: 112.5, kind: 'open', protocol: '', extensions: '' },
  { id: 3, t: 200, kind: 'send', data: { type: 'text', text: 'Xin chào' }, bufferedAmount: 0, readyState: 1 },
  { id: 4, t: 203, kind: 'message', data: { type: 'text', text: 'Xin chào' }, origin: 'ws://localhost:8080' },
  { id: 5, t: 1300, kind: 'send', data: { type: 'arraybuffer', bytes: new Uint8Array([1, 2, 3]) }, bufferedAmount: 0, readyState: 1 },
  { id: 6, t: 1302, kind: 'message', data: { type: 'arraybuffer', bytes: new Uint8Array([1, 2, 3]) }, origin: 'ws://localhost:8080' },
  { id: 7, t: 1400, kind: 'closeCall', code: 1000, reason: 'bye' },
  { id: 8, t: 1400, kind: 'send', data: { type: 'text', text: 'too late' }, bufferedAmount: 0, readyState: 2 },
  { id: 9, t: 1410, kind: 'close', code: 1000, reason: 'bye', wasClean: true },
];

const handshake = {
  kind: 'handshake' as const,
  t: 5000,
  request: { method: 'GET', path: '/echo?token=abc', headers: [['Host', 'localhost:8080'], ['Cookie', 'sid=s3cr3t'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ==']] as [string, string][] },
  response: { status: 101, statusText: 'Switching Protocols', headers: [['Upgrade', 'websocket'], ['Sec-WebSocket-Accept', 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=']] as [string, string][] },
};

function labTranscript(): Transcript {
  return fromLab({ url: 'ws://localhost:8080/echo?token=abc', startedAt: new Date('2026-12-05T10:00:00Z'), log, handshake });
}

describe('a lab session as a transcript', () => {
  it('keeps what crossed the wire, with times from the connect, and leaves out a send() after close()', () => {
    const tr = labTranscript();
    expect(tr.items.map((i) => (i.kind === 'event' ? i.type : `${i.dir}:${i.opcode}`))).toEqual([
      'connect', 'open', 'client:1', 'server:1', 'client:2', 'server:2', 'closeCall', 'close',
    ]);
    expect(tr.items[1]!.t).toBe(12.5);
    const sent = tr.items[2] as TranscriptMessage;
    expect(sent).toMatchObject({ text: 'Xin chào', size: 9 }); // "à" is two bytes in UTF-8
    expect(tr.items[4]).toMatchObject({ base64: 'AQID', size: 3 });
  });

  it('round-trips through its JSON unchanged', () => {
    const tr = labTranscript();
    const read = readTranscript(JSON.parse(JSON.stringify(tr)));
    expect(read).toEqual({ transcript: tr });
  });

  it('round-trips through HAR with the same timeline', () => {
    const tr = labTranscript();
    const opened = openFile(JSON.stringify(toHar([tr])));
    if ('error' in opened) throw new Error(opened.detail);
    const back = opened.transcripts[0]!;
    const messages = (t: Transcript) => t.items.filter((i) => i.kind === 'message').map((m) => ({ ...m, t: Math.round(m.t) }));
    expect(messages(back)).toEqual(messages(tr));
    expect(back.handshake?.request.headers).toEqual(tr.handshake?.request.headers);
    expect(back.url).toBe(tr.url);
  });

  it('refuses what is not a transcript, with the reason', () => {
    expect(readTranscript({ format: 'websocket-school-transcript', version: 2 })).toEqual({ error: expect.stringContaining('version 2') });
    const tr = JSON.parse(JSON.stringify(labTranscript()));
    tr.items[3].dir = 'sideways';
    expect(readTranscript(tr)).toEqual({ error: 'items[3].dir must be client or server' });
  });
});

describe('opening a HAR', () => {
  const entry = (extra: object) => ({
    startedDateTime: '2026-12-05T10:00:00.000Z',
    request: { method: 'GET', url: 'wss://app.example/live?access_token=XYZ', headers: [{ name: 'Authorization', value: 'Bearer XYZ' }] },
    response: { status: 101, statusText: 'Switching Protocols', headers: [{ name: 'Set-Cookie', value: 'a=b' }] },
    _resourceType: 'websocket',
    ...extra,
  });

  it('reads DevTools times in seconds and Playwright times in milliseconds alike', () => {
    const start = Date.parse('2026-12-05T10:00:00.000Z');
    const har = { log: { entries: [entry({ _webSocketMessages: [
      { type: 'send', time: start / 1000 + 0.25, opcode: 1, data: '{"a":1}' },
      { type: 'receive', time: start + 500, opcode: 2, data: 'AAEC' },
    ] })] } };
    const opened = openFile(JSON.stringify(har));
    if ('error' in opened) throw new Error(opened.detail);
    const items = opened.transcripts[0]!.items.filter((i) => i.kind === 'message');
    expect(items).toEqual([
      { kind: 'message', t: 250, dir: 'client', opcode: 1, text: '{"a":1}', size: 7 },
      { kind: 'message', t: 500, dir: 'server', opcode: 2, base64: 'AAEC', size: 3 },
    ]);
  });

  it('gives each kind of bad input its own error', () => {
    expect(parseHar('{"log":')).toMatchObject({ error: 'notJson' });
    expect(parseHar('{"hello":1}')).toMatchObject({ error: 'notHar' });
    expect(parseHar('{"log":{"entries":[{"request":{"url":"https://x/"}}]}}')).toMatchObject({ error: 'noWebSockets' });
    expect(parseHar('{}', MAX_HAR_BYTES + 1)).toMatchObject({ error: 'tooLarge' });
  });

  it('skips unreadable messages and counts them, keeping the rest', () => {
    const har = { log: { entries: [entry({ _webSocketMessages: [
      { type: 'receive', time: 1, opcode: 2, data: '***' },
      { type: 'receive', time: 2, opcode: 1, data: 'ok' },
    ] })] } };
    const opened = openFile(JSON.stringify(har));
    expect(opened).toMatchObject({ skipped: 1, firstSkipReason: expect.stringContaining('base64') });
  });

  it('finds the secrets and redacts them everywhere an export goes', () => {
    const opened = openFile(JSON.stringify({ log: { entries: [entry({ _webSocketMessages: [] })] } }));
    if ('error' in opened) throw new Error(opened.detail);
    const tr = opened.transcripts[0]!;
    expect(secretsOf(tr)).toEqual([
      { where: 'query', name: 'access_token' },
      { where: 'request', name: 'Authorization' },
      { where: 'response', name: 'Set-Cookie' },
    ]);
    const exported = JSON.stringify(toHar([redact(tr)]));
    expect(exported).not.toContain('XYZ');
    expect(exported).not.toContain('a=b');
    expect(exported).toContain(encodeURIComponent(REDACTED));
  });

  it('does not take the handshake nonces for secrets', () => {
    expect(findSecrets('ws://x/echo', [['Sec-WebSocket-Key', 'k'], ['Sec-WebSocket-Protocol', 'token.abc']], [['Sec-WebSocket-Accept', 'a']])).toEqual([
      { where: 'request', name: 'Sec-WebSocket-Protocol' },
    ]);
  });
});

describe('the timeline', () => {
  it('follows readyState: CONNECTING, OPEN, CLOSING after close(), CLOSED', () => {
    const items = labTranscript().items;
    expect([0, 1, 2, 6, 7, 8].map((n) => readyStateAfter(items, n))).toEqual([null, 0, 1, 1, 2, 3]);
  });

  it("writes each message's frame as the codec would: a server frame decodes whole", () => {
    const frame = messageFrame({ kind: 'message', t: 0, dir: 'server', opcode: 1, text: 'Hello', size: 5 });
    expect(toHex(frame.header, '')).toBe('8105');
    const bytes = new Uint8Array([...frame.header, ...frame.payload]);
    const decoded = decodeFrames(bytes, { expectMasked: false });
    expect(decoded).toMatchObject({ frames: [{ opcode: 1, fin: true }] });
  });

  it('shows a client frame with MASK = 1 and no masking key (a HAR has none)', () => {
    const frame = messageFrame({ kind: 'message', t: 0, dir: 'client', opcode: 2, base64: 'AQID', size: 3 });
    expect(toHex(frame.header, '')).toBe('8283');
    expect(frame).toMatchObject({ masked: true, maskKey: null, length: 3 });
  });

  it('counts messages and bytes per second each way', () => {
    const rate = ratePerSecond(labTranscript().items);
    expect(rate).toEqual([
      { second: 0, client: { messages: 1, bytes: 9 }, server: { messages: 1, bytes: 9 } },
      { second: 1, client: { messages: 1, bytes: 3 }, server: { messages: 1, bytes: 3 } },
    ]);
  });

  it('pretty-prints JSON payloads only', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('Hello')).toBeNull();
  });
});

describe('replay', () => {
  function fakeTimers() {
    const queue: { cb: () => void; ms: number }[] = [];
    const timers: Timers = { set: (cb, ms) => queue.push({ cb, ms }), clear: () => queue.splice(0) };
    return { timers, queue };
  }

  it('steps, goes back and plays at 4× with the recorded gaps, capped', () => {
    const { timers, queue } = fakeTimers();
    const replay = new Replay(labTranscript(), timers);
    const seen: number[] = [];
    replay.subscribe((s) => seen.push(s.shown));
    replay.step();
    replay.step();
    replay.back();
    expect(replay.snapshot()).toMatchObject({ shown: 1, readyState: 0 });
    replay.play(4);
    expect(queue.at(-1)!.ms).toBeCloseTo(12.5 / 4);
    while (queue.length) queue.shift()!.cb();
    expect(replay.snapshot()).toMatchObject({ shown: 8, playing: false, readyState: 3 });
    expect(seen[0]).toBe(0);
  });

  it('plays instantly to the end', () => {
    const replay = new Replay(labTranscript(), fakeTimers().timers);
    replay.play('instant');
    expect(replay.snapshot()).toMatchObject({ shown: 8, playing: false });
  });
});

describe('share links', () => {
  it('round-trips a transcript through the fragment', async () => {
    const tr = redact(labTranscript());
    const shared = await shareFragment(tr);
    if (!('fragment' in shared)) throw new Error('too large');
    expect(shared.fragment).toMatch(/^#transcript=[A-Za-z0-9_-]+$/);
    expect(await readShareFragment(shared.fragment)).toEqual({ transcript: tr });
  });

  it('refuses a transcript over the limit with its compressed size', async () => {
    const tr = labTranscript();
    const noise = Array.from({ length: 30000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    tr.items.push({ kind: 'message', t: 2000, dir: 'server', opcode: 1, text: noise, size: noise.length });
    const shared = await shareFragment(tr);
    expect('tooLarge' in shared && shared.tooLarge).toBeGreaterThan(MAX_SHARE_BYTES);
  });

  it('says a damaged link is damaged, and ignores other fragments', async () => {
    expect(await readShareFragment('#transcript=AAAA')).toMatchObject({ error: expect.any(String) });
    expect(await readShareFragment('#frames')).toBeNull();
  });
});

describe('describe', () => {
  it('counts messages and bytes for the connection list', () => {
    expect(describeTranscript(labTranscript())).toMatchObject({ messages: 4, bytes: 24 });
  });
});
