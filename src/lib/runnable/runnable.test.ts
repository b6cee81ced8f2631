import { describe, expect, it } from 'vitest';
import { highlight, tokenize } from './highlight.ts';
import { buildSrcdoc, isSandboxMessage, MESSAGE_TAG } from './sandbox.ts';

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

describe('buildSrcdoc', () => {
  const config = { server: 'ws://localhost:8080', token: 't1', parentOrigin: 'http://localhost:4321', file: 'x.js' };

  it('keeps "</script>" in the code from ending the bootstrap script', () => {
    const doc = buildSrcdoc({ ...config, code: "console.log('</script><b>x</b>')" });
    expect(doc.match(/<\/script>/gi)).toHaveLength(1);
    expect(doc.endsWith('</script>')).toBe(true);
    expect(doc).toContain(String.raw`\u003c/script>`);
  });

  it('is one classic script whose configuration parses back', () => {
    const doc = buildSrcdoc({ ...config, code: 'x' });
    const json = doc.slice(doc.lastIndexOf(')(') + 2, -')</script>'.length);
    expect(JSON.parse(json)).toEqual({ ...config, code: 'x', tag: MESSAGE_TAG });
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
