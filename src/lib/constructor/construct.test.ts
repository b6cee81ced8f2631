import { describe, expect, it } from 'vitest';
import { chromiumMessage, construct, constructOrThrow, isLoopbackHost, protocolRefusal, stepStates } from './construct.ts';
import { callText, parsePageAddress, parseProtocolsInput } from './input.ts';

const PAGE = 'http://127.0.0.1:8080/en/creating-a-connection/?x=1#top';
const HTTPS = 'https://example.com/app/chat.html';

describe('construct: the URL steps', () => {
  it('keeps ws: and wss: URLs, serialized', () => {
    expect(construct('ws://example.com/feed', undefined, PAGE)).toEqual({ ok: true, url: 'ws://example.com/feed', relative: false, rewrite: null, protocols: [] });
    expect(construct('WS://H:80/Ä', undefined, PAGE)).toMatchObject({ ok: true, url: 'ws://h/%C3%84' });
    expect(construct('wss://h:443/a b?q=é', undefined, PAGE)).toMatchObject({ ok: true, url: 'wss://h/a%20b?q=%C3%A9' });
  });

  it('rewrites http: to ws: and https: to wss:, keeping host and port', () => {
    expect(construct('http://h:443/x', undefined, PAGE)).toMatchObject({ ok: true, url: 'ws://h:443/x', rewrite: 'http→ws' });
    expect(construct('https://h:80/x', undefined, PAGE)).toMatchObject({ ok: true, url: 'wss://h:80/x', rewrite: 'https→wss' });
  });

  it('resolves relative URLs against the page, taking its scheme (and dropping its query and fragment)', () => {
    expect(construct('/echo', undefined, PAGE)).toMatchObject({ ok: true, url: 'ws://127.0.0.1:8080/echo', relative: true, rewrite: 'http→ws' });
    expect(construct('echo', undefined, PAGE)).toMatchObject({ url: 'ws://127.0.0.1:8080/en/creating-a-connection/echo' });
    expect(construct('', undefined, PAGE)).toMatchObject({ url: 'ws://127.0.0.1:8080/en/creating-a-connection/?x=1' });
    expect(construct('//other.test/x', undefined, HTTPS)).toMatchObject({ ok: true, url: 'wss://other.test/x', relative: true, rewrite: 'https→wss' });
  });

  it('refuses what the URL parser cannot parse', () => {
    expect(construct('ws://', undefined, PAGE)).toEqual({ ok: false, name: 'SyntaxError', step: 'parse', input: 'ws://' });
    expect(construct('ws://h:65536/', undefined, PAGE)).toMatchObject({ ok: false, step: 'parse' });
    expect(construct('http://[::1', undefined, PAGE)).toMatchObject({ ok: false, step: 'parse' });
  });

  it('refuses other schemes, after the http rewrite', () => {
    expect(construct('ftp://h/', undefined, PAGE)).toEqual({ ok: false, name: 'SyntaxError', step: 'scheme', scheme: 'ftp' });
    expect(construct('javascript:a', undefined, PAGE)).toMatchObject({ step: 'scheme', scheme: 'javascript' });
    expect(construct('file:///x', undefined, PAGE)).toMatchObject({ step: 'scheme', scheme: 'file' });
  });

  it('refuses any fragment, even an empty one', () => {
    expect(construct('ws://h/#', undefined, PAGE)).toEqual({ ok: false, name: 'SyntaxError', step: 'fragment', fragment: '' });
    expect(construct('ws://h/#a b', undefined, PAGE)).toMatchObject({ step: 'fragment', fragment: 'a%20b' });
    expect(construct('#x', undefined, PAGE)).toMatchObject({ step: 'fragment', fragment: 'x' });
    // A '#' escaped in the path is not a fragment.
    expect(construct('ws://h/a%23b', undefined, PAGE)).toMatchObject({ ok: true, url: 'ws://h/a%23b' });
  });
});

describe('construct: protocols', () => {
  it('takes a string as a list of one, an array as it is, and nothing as []', () => {
    expect(construct('ws://h/', 'json', PAGE)).toMatchObject({ ok: true, protocols: ['json'] });
    expect(construct('ws://h/', ['json', 'echo'], PAGE)).toMatchObject({ ok: true, protocols: ['json', 'echo'] });
    expect(construct('ws://h/', [], PAGE)).toMatchObject({ ok: true, protocols: [] });
  });

  it('refuses names that are not tokens, and repeats compared exactly', () => {
    for (const bad of ['', 'a b', 'chat,v2', 'é', 'a:b', 'a/b', 'x\u007f']) {
      expect(construct('ws://h/', [bad], PAGE)).toEqual({ ok: false, name: 'SyntaxError', step: 'token', protocol: bad });
    }
    expect(construct('ws://h/', '', PAGE)).toMatchObject({ step: 'token', protocol: '' });
    expect(construct('ws://h/', ['a', 'A'], PAGE)).toMatchObject({ ok: true });
    expect(construct('ws://h/', ["a.b~c!#$%&*+-^_`|'"], PAGE)).toMatchObject({ ok: true });
    expect(construct('ws://h/', ['a', 'b', 'a'], PAGE)).toMatchObject({ step: 'duplicate', protocol: 'a' });
  });

  it('blames a bad name before a repeat, as Chromium does', () => {
    expect(protocolRefusal(['a', 'a', 'b c'])).toMatchObject({ step: 'token', protocol: 'b c' });
  });

  it('checks the URL before the protocols', () => {
    expect(construct('ftp://h/', ['a', 'a'], PAGE)).toMatchObject({ step: 'scheme' });
    expect(construct('ws://h/#', ['a b'], PAGE)).toMatchObject({ step: 'fragment' });
  });
});

describe('construct: mixed content (Chromium)', () => {
  it('throws SecurityError for ws: to a remote host from an https: page, after the protocol check', () => {
    expect(construct('ws://example.com/', undefined, HTTPS)).toEqual({ ok: false, name: 'SecurityError', step: 'mixedContent', host: 'example.com' });
    expect(construct('http://example.com/', undefined, HTTPS)).toMatchObject({ name: 'SecurityError' });
    expect(construct('ws://example.com/', ['a', 'a'], HTTPS)).toMatchObject({ name: 'SyntaxError', step: 'duplicate' });
    expect(construct('wss://example.com/', undefined, HTTPS)).toMatchObject({ ok: true });
    expect(construct('ws://example.com/', undefined, PAGE)).toMatchObject({ ok: true });
  });

  it('lets loopback hosts through', () => {
    for (const host of ['localhost', 'LOCALHOST', 'a.localhost', 'localhost.', '127.0.0.1', '127.9.8.7', '[::1]', '[::ffff:7f00:1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['1.2.3.4', 'example.com', 'localhost.example', '[::2]', 'notlocalhost']) expect(isLoopbackHost(host), host).toBe(false);
    expect(construct('ws://127.0.0.1:9/', undefined, HTTPS)).toMatchObject({ ok: true });
    expect(construct('ws://[0:0:0:0:0:0:0:1]:9/', undefined, HTTPS)).toMatchObject({ ok: true, url: 'ws://[::1]:9/' });
  });
});

describe('messages and throwing', () => {
  it("words each refusal as Chromium's DOMException does", () => {
    expect(chromiumMessage({ name: 'SyntaxError', step: 'token', protocol: 'é\u0000' })).toBe("Failed to construct 'WebSocket': The subprotocol '\\u00E9\\u0000' is invalid.");
    expect(chromiumMessage({ name: 'SyntaxError', step: 'fragment', fragment: '' })).toBe(
      "Failed to construct 'WebSocket': The URL contains a fragment identifier (''). Fragment identifiers are not allowed in WebSocket URLs.",
    );
  });

  it('throws a DOMException with that name and message', () => {
    expect(() => constructOrThrow('ftp://h/', undefined, PAGE)).toThrow(expect.objectContaining({ name: 'SyntaxError', message: expect.stringContaining("'ftp' is not allowed") }));
    expect(constructOrThrow('http://h/', 'json', PAGE)).toMatchObject({ url: 'ws://h/', protocols: ['json'] });
  });
});

describe('the lab inputs', () => {
  it('reads the protocols field as JSON: nothing, a string or an array', () => {
    expect(parseProtocolsInput('  ')).toEqual({ ok: true, value: undefined });
    expect(parseProtocolsInput('"json"')).toEqual({ ok: true, value: 'json' });
    expect(parseProtocolsInput('["a", 1, null]')).toEqual({ ok: true, value: ['a', '1', 'null'] });
    expect(parseProtocolsInput('chat')).toEqual({ ok: false, problem: 'json' });
    expect(parseProtocolsInput('{"a":1}')).toEqual({ ok: false, problem: 'type' });
    expect(parseProtocolsInput('[["a"]]')).toEqual({ ok: false, problem: 'type' });
  });

  it('writes the call as code', () => {
    expect(callText('/echo', undefined)).toBe('new WebSocket("/echo")');
    expect(callText('/echo', ['a', 'b'])).toBe('new WebSocket("/echo", ["a","b"])');
    expect(callText('/echo', 'a')).toBe('new WebSocket("/echo", "a")');
  });

  it('takes only absolute http: and https: page addresses', () => {
    expect(parsePageAddress(' https://example.com/app/ ')?.href).toBe('https://example.com/app/');
    expect(parsePageAddress('/relative')).toBeNull();
    expect(parsePageAddress('file:///x.html')).toBeNull();
  });
});

describe('stepStates', () => {
  it('marks the steps before a refusal passed and the ones after not reached', () => {
    expect(stepStates(construct('ws://h/#', ['a'], PAGE)).map((s) => s.state)).toEqual(['passed', 'passed', 'failed', 'notReached', 'notReached']);
    expect(stepStates(construct('ws://h/', ['a', 'a'], PAGE))[3]).toEqual({ step: 'protocols', state: 'failed' });
    expect(stepStates(construct('ws://h/', undefined, PAGE)).every((s) => s.state === 'passed')).toBe(true);
  });
});
