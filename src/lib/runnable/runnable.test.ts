import { describe, expect, it } from 'vitest';
import { highlight, tokenize } from './highlight.ts';
import { configMessage, isSandboxMessage, MESSAGE_TAG, SANDBOX_POLICY, sandboxDocument } from './sandbox.ts';

describe('tokenize', () => {
  it('gives the source back exactly', () => {
    const source = "const s = new WebSocket(`${SERVER}/echo`); // hi\nsocket.send('a\\'b', 0x1f, 1e3);\n/* open */";
    expect(tokenize(source).map((t) => t.text).join('')).toBe(source);
  });

  it('tells comments, strings, numbers, keywords and calls apart', () => {
    const kinds = tokenize("const x = f('a', 42); // note").filter((t) => t.kind).map((t) => [t.kind, t.text]);
    expect(kinds).toEqual([
      ['keyword', 'const'],
      ['call', 'f'],
      ['string', "'a'"],
      ['number', '42'],
      ['comment', '// note'],
    ]);
  });

  it('does not treat a keyword inside a string or comment as a keyword', () => {
    const tokens = tokenize("'new const' // return");
    expect(tokens.map((t) => t.kind)).toEqual(['string', null, 'comment']);
  });

  it('lets an unterminated string end at the line end', () => {
    const tokens = tokenize("'abc\nconst");
    expect(tokens[0]).toEqual({ kind: 'string', text: "'abc" });
    expect(tokens.at(-1)).toEqual({ kind: 'keyword', text: 'const' });
  });
});

describe('highlight', () => {
  it('escapes HTML in code', () => {
    expect(highlight('a < b && "<b>"')).toBe('a &lt; b &amp;&amp; <span class="tk-string">&quot;&lt;b&gt;&quot;</span>');
  });
});

describe('sandboxDocument', () => {
  it('carries its own policy and one classic bootstrap script', () => {
    const doc = sandboxDocument();
    expect(doc).toContain(`<meta http-equiv="content-security-policy" content="${SANDBOX_POLICY}">`);
    expect(doc.match(/<script>/g)).toHaveLength(1);
    expect(doc.match(/<\/script>/g)).toHaveLength(1);
  });

  it('runs a prelude first, in a script element that no `</script` inside it can end early', () => {
    const doc = sandboxDocument('const a = "</script>", b = "</SCRIPT >";');
    expect(doc.match(/<\/script/gi)).toHaveLength(2);
    expect(doc.indexOf('const a')).toBeLessThan(doc.indexOf('addEventListener'));
    expect(doc).toContain('const a = "<\\/script>", b = "<\\/SCRIPT >";');
  });

  it('runs only a configuration from its parent', () => {
    const doc = sandboxDocument();
    expect(doc).toContain('event.source !== parent');
    expect(doc).toContain(`event.data.tag !== ${JSON.stringify(MESSAGE_TAG)}`);
  });

  it('lets the reader\'s code run and connect, and loads nothing else', () => {
    expect(SANDBOX_POLICY).toMatch(/default-src 'none'/);
    expect(SANDBOX_POLICY).toMatch(/script-src 'unsafe-inline'/);
    expect(SANDBOX_POLICY).toMatch(/connect-src ws: wss:/);
  });

  it('tags the configuration message', () => {
    const config = { code: 'x', server: 'ws://localhost:8080', token: 't1', parentOrigin: 'http://localhost:4321', file: 'x.js' };
    expect(configMessage(config)).toEqual({ ...config, tag: MESSAGE_TAG });
  });
});

describe('isSandboxMessage', () => {
  it('accepts only messages of this run', () => {
    expect(isSandboxMessage({ tag: MESSAGE_TAG, token: 'a', level: 'log', text: 'hi' }, 'a')).toBe(true);
    expect(isSandboxMessage({ tag: MESSAGE_TAG, token: 'b', level: 'log', text: 'hi' }, 'a')).toBe(false);
    expect(isSandboxMessage({ tag: 'other', token: 'a', level: 'log', text: 'hi' }, 'a')).toBe(false);
    expect(isSandboxMessage('hi', 'a')).toBe(false);
    expect(isSandboxMessage(null, 'a')).toBe(false);
  });
});
