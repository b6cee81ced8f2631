// Every lesson ends with its references (issue 8, item 3): one <References> block after the self-check, each
// <Ref> a deep https link on an allowed host with a line on what is there, the same sources in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_HOSTS, resolveReference, type RefProps } from './sources.ts';

const root = join(import.meta.dirname, '../../..');
const lessons = (lang: string) => readdirSync(join(root, 'content', lang)).filter((n) => n.endsWith('.mdx')).sort();

type Found = { props: RefProps; note: string };

/** The lesson's <References> blocks and the <Ref>s inside them, code fences set aside. */
function referencesOf(mdx: string): { blocks: number; after: string; refs: Found[] } {
  const text = mdx.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1/gm, '');
  const blocks = [...text.matchAll(/<References>([\s\S]*?)<\/References>/g)];
  const refs: Found[] = [];
  for (const block of blocks) {
    for (const m of block[1]!.matchAll(/<Ref\b([^>]*)>([\s\S]*?)<\/Ref>/g)) {
      const props = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
      refs.push({ props, note: m[2]!.trim() });
    }
  }
  const last = blocks.at(-1);
  return { blocks: blocks.length, after: last ? text.slice(last.index! + last[0].length) : text, refs };
}

describe('every lesson ends with its references', () => {
  for (const lang of ['en', 'vi']) {
    for (const file of lessons(lang)) {
      it(`${lang}/${file}`, () => {
        const mdx = readFileSync(join(root, 'content', lang, file), 'utf8');
        const { blocks, after, refs } = referencesOf(mdx);
        expect(blocks, 'one <References> block').toBe(1);
        expect(after.trim(), 'nothing after the references').toBe('');
        expect(mdx, 'the self-check comes before the references').toMatch(/<\/SelfCheck>\s*<References>/);
        expect(mdx, 'no hand-written references heading').not.toMatch(/^##\s+(References|Tài liệu tham khảo)\s*$/m);
        expect(refs.length, 'at least three sources').toBeGreaterThanOrEqual(3);
        for (const { props, note } of refs) {
          const { href } = resolveReference(props);
          const url = new URL(href);
          expect(url.protocol).toBe('https:');
          expect(ALLOWED_HOSTS).toContain(url.host);
          expect(note.length, `${href} says what the reader finds there`).toBeGreaterThan(10);
        }
      });
    }
  }

  for (const file of lessons('en')) {
    it(`${file}: the same sources, in the same order, in both languages`, () => {
      const links = (lang: string) => referencesOf(readFileSync(join(root, 'content', lang, file), 'utf8')).refs.map((r) => resolveReference(r.props).href);
      expect(links('vi')).toEqual(links('en'));
    });
  }
});

describe('resolveReference', () => {
  it('builds RFC and WebSockets Standard links from the catalogue', () => {
    expect(resolveReference({ rfc: '6455', section: '7.1.5' })).toEqual({
      href: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.1.5',
      title: 'RFC 6455 §7.1.5: The WebSocket Connection Close Code',
    });
    expect(resolveReference({ rfc: '8441' }).href).toBe('https://www.rfc-editor.org/rfc/rfc8441');
    expect(resolveReference({ whatwg: 'feedback-from-the-protocol' })).toEqual({
      href: 'https://websockets.spec.whatwg.org/#feedback-from-the-protocol',
      title: 'WHATWG WebSockets Standard: feedback from the protocol',
    });
    expect(resolveReference({ whatwg: 'make-disappear' }, 'vi')).toEqual({
      href: 'https://websockets.spec.whatwg.org/#make-disappear',
      title: 'Chuẩn WHATWG WebSockets: make disappear',
    });
  });

  it('refuses what it cannot vouch for', () => {
    expect(() => resolveReference({ rfc: '6455', section: '7.9' })).toThrow(/no section 7\.9/);
    expect(() => resolveReference({ rfc: '1234' })).toThrow(/not in the catalogue/);
    expect(() => resolveReference({ whatwg: 'dom-websocket-ping' })).toThrow(/#dom-websocket-ping/);
    expect(() => resolveReference({ href: 'http://developer.mozilla.org/x', title: 'x' })).toThrow(/not https/);
    expect(() => resolveReference({ href: 'https://example.com/', title: 'x' })).toThrow(/not an allowed host/);
    expect(() => resolveReference({ href: 'https://developer.mozilla.org/x' })).toThrow(/needs a title/);
    expect(() => resolveReference({ href: 'https://www.rfc-editor.org/rfc/rfc6455#section-9.9', title: 'x' })).toThrow(/by number and section/);
    expect(() => resolveReference({ rfc: '6455', whatwg: 'make-disappear' })).toThrow(/exactly one/);
  });

  it('reads <Ref>s out of a lesson and sees through code fences', () => {
    const found = referencesOf('```\n<References><Ref rfc="1">x</Ref></References>\n```\n<References>\n<Ref rfc="6455" section="5.2">the frame header, bit by bit</Ref>\n</References>\n');
    expect(found.blocks).toBe(1);
    expect(found.refs).toEqual([{ props: { rfc: '6455', section: '5.2' }, note: 'the frame header, bit by bit' }]);
  });
});
