// Both languages are first-class (issue 8, item 5): every lesson exists in both, with the same number of
// headings at each level, the same labs and runnable examples in the same order, and as many self-check questions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const slugs = (lang: string) => readdirSync(join(root, 'content', lang)).filter((n) => n.endsWith('.mdx')).map((n) => n.slice(0, -4)).sort();

/** What must match between the two languages of one lesson; code blocks are skipped (a `#` there is not a heading). */
function shape(mdx: string) {
  const lines = mdx.split('\n');
  let fenced = false;
  const headings: Record<string, number> = {};
  const parts: string[] = [];
  let questions = 0;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const h = /^(#{2,4})\s/.exec(line);
    if (h) headings[h[1]!.length] = (headings[h[1]!.length] ?? 0) + 1;
    for (const m of line.matchAll(/<(\w+Lab|FrameInspector|FrameBuilder|HandshakeInspector)\b|<Runnable\s+example="([^"]+)"/g)) parts.push(m[2] ? `Runnable:${m[2]}` : m[1]!);
    questions += (line.match(/<Question\b/g) ?? []).length;
  }
  return { headings, parts, questions };
}

describe('lessons in both languages', () => {
  it('have the same slugs', () => {
    expect(slugs('vi')).toEqual(slugs('en'));
  });

  for (const slug of slugs('en')) {
    it(`${slug}: same headings, labs, runnable examples and self-check questions`, () => {
      const en = shape(readFileSync(join(root, 'content/en', `${slug}.mdx`), 'utf8'));
      const vi = shape(readFileSync(join(root, 'content/vi', `${slug}.mdx`), 'utf8'));
      expect(vi).toEqual(en);
    });
  }

  it('sees through code blocks and counts what a lesson holds', () => {
    expect(shape('## A\n```\n## not a heading\n```\n<FrameInspector />\n<Runnable example="x" />\n<Question q="?">')).toEqual({
      headings: { 2: 1 },
      parts: ['FrameInspector', 'Runnable:x'],
      questions: 1,
    });
  });
});
