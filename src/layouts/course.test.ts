import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSE_ORDER, courseProblems, sectionsWith } from './course.ts';

const root = join(import.meta.dirname, '../..');
const slugs = (lang: string) => readdirSync(join(root, 'content', lang)).filter((n) => n.endsWith('.mdx')).map((n) => n.slice(0, -4));

describe('the course list', () => {
  it('holds every lesson of both languages, and every listed lesson that is not planned exists', () => {
    expect(courseProblems({ en: slugs('en'), vi: slugs('vi') })).toEqual([]);
  });

  it('reports a lesson missing from the list, and one listed but missing', () => {
    expect(courseProblems({ en: ['what-is-websocket', 'stray'] })).toEqual(
      expect.arrayContaining(['content/en/stray.mdx is not in COURSE (src/layouts/course.ts)', 'COURSE lists ready-state, but content/en/ready-state.mdx does not exist']),
    );
  });

  it('keeps sections in order and drops the ones with nothing written yet', () => {
    const sections = sectionsWith(['frames', 'what-is-websocket', 'handshake']);
    expect(sections).toEqual([
      { id: 'start', slugs: ['what-is-websocket'] },
      { id: 'wire', slugs: ['handshake', 'frames'] },
    ]);
    expect(COURSE_ORDER.indexOf('websocketstream')).toBe(COURSE_ORDER.indexOf('buffered-amount') + 1);
  });
});
