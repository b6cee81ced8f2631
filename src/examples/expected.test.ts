// Every runnable example has its expected output (src/examples/expected.ts), which the browser sweep checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedLines, expectedOutput, missingLines } from './expected.ts';

const dir = import.meta.dirname;
const examples = readdirSync(dir).filter((n) => n.endsWith('.js') && !n.endsWith('.vi.js')).map((n) => n.slice(0, -3)).sort();

describe('expected output of the runnable examples', () => {
  it('exists for every example, and only for examples that exist', () => {
    expect(Object.keys(expectedOutput).sort()).toEqual(examples);
  });

  it('belongs to examples some lesson shows, so the browser sweep runs each of them', () => {
    const lessons = join(dir, '../../content/en');
    const shown = new Set(
      readdirSync(lessons)
        .filter((n) => n.endsWith('.mdx'))
        .flatMap((n) => [...readFileSync(join(lessons, n), 'utf8').matchAll(/<Runnable\s+example="([^"]+)"/g)].map((m) => m[1])),
    );
    expect(examples.filter((name) => !shown.has(name))).toEqual([]);
  });

  it('has a Vietnamese list only where a .vi.js version exists, with as many lines as the English one', () => {
    for (const [name, entry] of Object.entries(expectedOutput)) {
      if (!entry.vi) continue;
      expect(existsSync(join(dir, `${name}.vi.js`)), name).toBe(true);
      expect(entry.vi.length, name).toBe(entry.en.length);
    }
  });

  it('falls back to English and names an unknown example', () => {
    expect(expectedLines('echo-hello', 'vi')).toBe(expectedOutput['echo-hello']!.en);
    expect(() => expectedLines('nope', 'en')).toThrow(/"nope"/);
  });

  it('matches lines in order, or in any order when asked', () => {
    expect(missingLines(['a', /^b\d$/], ['x', 'a', 'b1'])).toEqual([]);
    expect(missingLines(['a', /^b\d$/], ['b1', 'a'])).toEqual([/^b\d$/]);
    expect(missingLines(['a', /^b\d$/], ['b1', 'a'], true)).toEqual([]);
    // One console line fulfils one expected line, even in any order.
    expect(missingLines(['a', 'a'], ['a'], true)).toEqual(['a']);
    expect(missingLines(['a', 'a'], ['a', 'a'])).toEqual([]);
  });
});
