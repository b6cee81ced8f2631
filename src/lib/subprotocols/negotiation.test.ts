import { describe, expect, it } from 'vitest';
import { checkProtocols, constructorCall, expectFromDemo, headerValue, parseExtensions, parseProtocolList, sampleQuotes } from './negotiation.ts';

describe('subprotocol offers', () => {
  it('parses a comma list, dropping empty items', () => {
    expect(parseProtocolList('json, echo')).toEqual(['json', 'echo']);
    expect(parseProtocolList(' , ')).toEqual([]);
    expect(parseProtocolList('')).toEqual([]);
  });

  it('predicts the constructor’s SyntaxError: a repeated name, or one that is not a token', () => {
    expect(checkProtocols(['json', 'echo'])).toEqual({ ok: true });
    expect(checkProtocols(['json', 'json'])).toEqual({ ok: false, problem: 'duplicate', name: 'json' });
    expect(checkProtocols(['json', 'JSON'])).toEqual({ ok: true });
    expect(checkProtocols(['chat v2'])).toEqual({ ok: false, problem: 'token', name: 'chat v2' });
    expect(checkProtocols(['a,b'])).toMatchObject({ ok: false, problem: 'token' });
    expect(checkProtocols(['chat.v2', 'x-y_z~1'])).toEqual({ ok: true });
  });

  it('writes the call a page would make', () => {
    expect(constructorCall('ws://h/echo', [])).toBe('new WebSocket("ws://h/echo")');
    expect(constructorCall('ws://h/echo', ['json', 'echo'])).toBe('new WebSocket("ws://h/echo", ["json","echo"])');
  });

  it('expects the demo server to pick the first offered name it speaks, or refuse', () => {
    expect(expectFromDemo([])).toEqual({ kind: 'none' });
    expect(expectFromDemo(['json', 'echo'])).toEqual({ kind: 'chosen', protocol: 'json' });
    expect(expectFromDemo(['chat.v2', 'echo'])).toEqual({ kind: 'chosen', protocol: 'echo' });
    expect(expectFromDemo(['chat.v2'])).toEqual({ kind: 'refused' });
  });
});

describe('handshake headers', () => {
  it('reads a header case-insensitively, combining repeats', () => {
    const lines: [string, string][] = [
      ['Sec-WebSocket-Protocol', 'json'],
      ['sec-websocket-extensions', 'permessage-deflate'],
      ['Sec-WebSocket-Extensions', 'x-other'],
    ];
    expect(headerValue(lines, 'sec-websocket-protocol')).toBe('json');
    expect(headerValue(lines, 'Sec-WebSocket-Extensions')).toBe('permessage-deflate, x-other');
    expect(headerValue(lines, 'Upgrade')).toBe(null);
  });

  it('parses extension offers with their parameters', () => {
    expect(parseExtensions('permessage-deflate; client_max_window_bits')).toEqual([
      { name: 'permessage-deflate', params: ['client_max_window_bits'] },
    ]);
    expect(parseExtensions('permessage-deflate; server_no_context_takeover; client_max_window_bits=10, x-foo')).toEqual([
      { name: 'permessage-deflate', params: ['server_no_context_takeover', 'client_max_window_bits=10'] },
      { name: 'x-foo', params: [] },
    ]);
    expect(parseExtensions('')).toEqual([]);
  });
});

describe('sampleQuotes', () => {
  it('is valid, repetitive JSON of a useful size', () => {
    const text = sampleQuotes();
    expect(JSON.parse(text)).toHaveLength(24);
    expect(text.length).toBeGreaterThan(1000);
  });
});
