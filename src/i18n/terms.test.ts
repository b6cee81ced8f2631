// One term per concept in Vietnamese (issue 15): every Vietnamese lesson, UI string, protocol text, diagram and
// example is read as prose — code, URLs and quoted English set aside — and any rejected variant fails the test
// with the file, the line and the term to use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newStyleTones, rejectedIn, terms, withoutQuotedEnglish, type Term } from './terms.ts';

const root = join(import.meta.dirname, '../..');
const blank = (s: string) => ' '.repeat(s.length);

/** Markdown/MDX: no front-matter keys, imports, fences, inline code, links' targets, URLs, tag or attribute names. */
function mdxProse(text: string): string[] {
  let fenced = false;
  let front = false;
  return text.split('\n').map((line, i) => {
    if (i === 0 && line === '---') return ((front = true), '');
    if (front) {
      if (line === '---') front = false;
      return line.replace(/^[\w-]+:/, blank);
    }
    if (/^\s*(```|~~~)/.test(line)) return ((fenced = !fenced), '');
    if (fenced || /^import\s/.test(line)) return '';
    return withoutQuotedEnglish(
      line
        .replace(/`[^`]*`/g, blank)
        .replace(/\]\([^)]*\)/g, blank)
        .replace(/https?:\/\/\S+/g, blank)
        .replace(/\{[^}]*\}/g, blank)
        .replace(/<\/?[A-Za-z][\w.]*|\b[\w-]+=(?=["{])|\/?>/g, blank),
    );
  });
}

/** Quoted string contents of a TS/JS line, code spans and placeholders removed. */
function strings(line: string): string {
  const out: string[] = [];
  for (const m of line.matchAll(/'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) out.push((m[1] ?? m[2] ?? '').replace(/\$\{[^}]*\}/g, ' '));
  return out.join(' ');
}

const prose = (s: string) => withoutQuotedEnglish(s.replace(/`[^`]*`/g, blank).replace(/\{[\w:]+\}/g, blank).replace(/https?:\/\/\S+/g, blank));

type Source = { file: string; lines: string[] };

/** Variants that start on one line and end on the next (a paragraph wrapped mid-term), reported on the first. */
function wrapped(lines: string[]) {
  return lines.flatMap((line, i) => {
    const next = lines[i + 1] ?? '';
    if (!line.trim() || !next.trim()) return [];
    return rejectedIn(`${line}\n${next}`)
      .filter((r) => r.column - 1 < line.length && r.column - 1 + r.length > line.length)
      .map((r) => ({ line: i, ...r }));
  });
}

/** One value per term, on the line of terms.json that holds the term (blank elsewhere), so problems name the line. */
function termLines(pick: (term: Term) => string): string[] {
  const lines = readFileSync(join(root, 'src/i18n/terms.json'), 'utf8').split('\n');
  const out = lines.map(() => '');
  for (const term of terms) {
    const at = lines.findIndex((l) => l.includes(`"id": ${JSON.stringify(term.id)}`));
    if (at !== -1) out[at] = pick(term);
  }
  return out;
}

function sources(): Source[] {
  const out: Source[] = [];
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
  for (const name of readdirSync(join(root, 'content/vi')).filter((n) => n.endsWith('.mdx'))) {
    out.push({ file: `content/vi/${name}`, lines: mdxProse(read(`content/vi/${name}`)) });
  }
  out.push({ file: 'src/i18n/vi.json', lines: read('src/i18n/vi.json').split('\n').map((l) => prose(/^\s*"[^"]+":\s*"(.*)",?$/.exec(l)?.[1] ?? '')) });
  out.push({ file: 'src/lib/protocol/text.vi.ts', lines: read('src/lib/protocol/text.vi.ts').split('\n').map((l) => (/^\s*\/\//.test(l) ? prose(l) : prose(strings(l.replace(/^\s*'[\w.-]+':/, ''))))) });
  out.push({ file: 'src/lib/handshake/headers.ts', lines: read('src/lib/handshake/headers.ts').split('\n').map((l) => prose(/^\s*vi:\s*(.*)$/.exec(l) ? strings(l) : '')) });
  // The diagram's Vietnamese labels sit in its `vi: { … }` block.
  let inVi = false;
  out.push({
    file: 'src/components/ConnectionDiagram.astro',
    lines: read('src/components/ConnectionDiagram.astro').split('\n').map((l) => {
      if (/^\s*vi:\s*\{/.test(l)) inVi = true;
      else if (inVi && /^\s*\},?\s*$/.test(l)) inVi = false;
      return inVi ? prose(strings(l)) : '';
    }),
  });
  out.push({ file: 'src/i18n/terms.json', lines: termLines((t) => prose(t.definition.vi)) });
  for (const name of readdirSync(join(root, 'src/examples')).filter((n) => n.endsWith('.vi.js'))) {
    out.push({
      file: `src/examples/${name}`,
      lines: read(`src/examples/${name}`).split('\n').map((l) => {
        const comment = /\/\/(.*)$/.exec(l)?.[1] ?? '';
        return prose(`${strings(l.replace(/\/\/.*$/, ''))} ${comment}`);
      }),
    });
  }
  return out;
}

describe('Vietnamese terminology (src/i18n/terms.json)', () => {
  it('names each concept once, with no rejected variant that is also a chosen term', () => {
    const ids = terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const chosen = new Set(terms.map((t) => t.vi.toLowerCase()));
    expect(terms.flatMap((t) => t.rejected).filter((r) => chosen.has(r.toLowerCase()))).toEqual([]);
  });

  it('defines every term in both languages, says every usage note in both, and names a lesson that exists', () => {
    const lessons = (lang: string) => new Set(readdirSync(join(root, 'content', lang)).map((n) => n.replace(/\.mdx$/, '')));
    const [en, vi] = [lessons('en'), lessons('vi')];
    const problems: string[] = [];
    for (const t of terms) {
      if (!t.definition?.en?.trim() || !t.definition?.vi?.trim()) problems.push(`${t.id}: no definition in both languages`);
      if (Boolean(t.note) !== Boolean(t.noteVi)) problems.push(`${t.id}: note and noteVi go together`);
      const slug = t.taught.split('#')[0]!;
      if (!en.has(slug) || !vi.has(slug)) problems.push(`${t.id}: taught in ${slug}, which is not a lesson in both languages`);
    }
    expect(problems).toEqual([]);
  });

  it('finds a rejected variant in prose, allows it as a gloss, and ignores code', () => {
    expect(rejectedIn('Mỗi frame có một header.')).toEqual([{ variant: 'frame', use: 'khung', column: 5, length: 5 }]);
    expect(rejectedIn('Mỗi khung (frame) có một header.')).toEqual([]);
    expect(mdxProse('Gọi `new WebSocket()`: [bài](../frames/) nói về binaryType.').flatMap(rejectedIn)).toEqual([]);
    expect(mdxProse('Bấm “Save all as HAR” rồi chọn response.').flatMap(rejectedIn)).toMatchObject([{ variant: 'response' }]);
  });

  it('finds a variant wrapped onto the next line, and new-style tone marks', () => {
    expect(wrapped(['Cả hai phòng thí', 'nghiệm đều chạy.'])).toEqual([{ line: 0, variant: 'phòng thí nghiệm', use: 'phần thực hành', column: 8, length: 16 }]);
    expect(wrapped(['Một phòng thí nghiệm', 'và một frame'])).toEqual([]);
    expect(newStyleTones('trình duyệt hủy kết nối, tùy ý; khoá, quý, hoàn')).toEqual([
      { found: 'hủy', use: 'huỷ', column: 13 },
      { found: 'tùy', use: 'tuỳ', column: 26 },
    ]);
  });

  it('no Vietnamese page, string, protocol text, diagram or example uses a rejected variant', () => {
    const problems: string[] = [];
    for (const { file, lines } of sources()) {
      const found = [...lines.flatMap((line, i) => rejectedIn(line).map((r) => ({ line: i, ...r }))), ...wrapped(lines)];
      for (const r of found) problems.push(`${file}:${r.line + 1}:${r.column} "${r.variant}" → use "${r.use}"`);
    }
    expect(problems).toEqual([]);
  });

  it('writes the old-style tone marks (huỷ, thoả, tuỳ) everywhere, as the course always has', () => {
    const problems: string[] = [];
    for (const { file, lines } of [...sources(), { file: 'src/i18n/terms.json (noteVi)', lines: termLines((t) => prose(t.noteVi ?? '')) }]) {
      lines.forEach((line, i) => {
        for (const s of newStyleTones(line)) problems.push(`${file}:${i + 1}:${s.column} "${s.found}" → write "${s.use}"`);
      });
    }
    expect(problems).toEqual([]);
  });
});
