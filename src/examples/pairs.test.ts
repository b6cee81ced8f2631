// Each runnable example is written twice, in English (`name.js`) and in Vietnamese (`name.vi.js`): the
// comments and the strings it prints are translated, the code is not. Chosen over one source with
// per-language comments because the reader sees (and edits, and runs) the file as a whole: a single source
// would need a build step to strip the other language, and the Vietnamese copy would no longer be plain code.
// This test keeps the two copies the same program: with comments removed and every string, template text and
// regular expression replaced by a placeholder, the token streams must be identical.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname);

/** The code of a JavaScript source with comments dropped and literal text replaced by `"…"`, one token per entry. */
export function codeShape(source: string): string[] {
  let out = '';
  let i = 0;
  const braces: number[] = []; // open braces inside each `${ … }` of an enclosing template
  const quoteText = () => (out += ' "…" ');
  const skipTemplateText = (): void => {
    // In a template, after ` or }: text until ` (the end) or ${ (an expression).
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        quoteText();
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        i += 2;
        quoteText();
        out += ' ${ ';
        braces.push(0);
        return;
      } else i++;
    }
  };
  let last = ''; // the last significant character, to tell a regex from a division
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i = source.indexOf('*/', i + 2) + 2;
      if (i === 1) i = source.length;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
      i++;
      quoteText();
      last = '"';
    } else if (c === '`') {
      i++;
      skipTemplateText();
      last = '"';
    } else if (c === '/' && (last === '' || '(,=:[!&|?{};'.includes(last))) {
      i++;
      let inClass = false;
      while (i < source.length && (source[i] !== '/' || inClass)) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (/[a-z]/.test(source[i] ?? '')) i++;
      quoteText();
      last = '"';
    } else if (braces.length > 0 && c === '{') {
      braces[braces.length - 1]!++;
      out += c;
      i++;
      last = c;
    } else if (braces.length > 0 && c === '}' && braces.at(-1) === 0) {
      braces.pop();
      out += ' } ';
      i++;
      skipTemplateText();
      last = '"';
    } else {
      if (braces.length > 0 && c === '}') braces[braces.length - 1]!--;
      out += c;
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out.match(/[\w$]+|"…"|\$\{|[^\s\w]/g) ?? [];
}

const files = readdirSync(DIR);
const pairs = files.filter((f) => f.endsWith('.vi.js')).map((vi) => [vi.replace(/\.vi\.js$/, '.js'), vi] as const);

describe('codeShape', () => {
  it('sets comments, strings, template text and regular expressions aside but keeps the code', () => {
    expect(codeShape("// hi\nconst a = 'x' + `t ${b / 2} u`; /* c */ f(/a\\/b/g, \"q\");")).toEqual(
      codeShape("// chào\nconst a = 'y' + `v ${b / 2} w`; /* d */ f(/z/i, \"r\");"),
    );
    expect(codeShape("send('a');")).not.toEqual(codeShape("send('a', 1);"));
    expect(codeShape('`${x}`')).not.toEqual(codeShape('`${y}`'));
  });
});

describe('example pairs (English and Vietnamese) are the same code', () => {
  it('has pairs to check', () => {
    expect(pairs.length).toBeGreaterThan(10);
  });
  for (const [en, vi] of pairs) {
    it(`${en} ~ ${vi}`, () => {
      expect(files, `${vi} has no English original`).toContain(en);
      expect(codeShape(readFileSync(join(DIR, vi), 'utf8'))).toEqual(codeShape(readFileSync(join(DIR, en), 'utf8')));
    });
  }
});
