// The course's shape: sections in order, and the lessons of each in order — one list for the sidebar, the home
// page and previous/next. Framework-free, so course.test.ts checks it against content/ without a build.

export type SectionId = 'start' | 'browser-api' | 'wire' | 'production' | 'reference';

export type Section = { id: SectionId; slugs: readonly string[] };

export const COURSE: readonly Section[] = [
  { id: 'start', slugs: ['what-is-websocket', 'creating-a-connection'] },
  { id: 'browser-api', slugs: ['ready-state', 'sending-and-receiving', 'events', 'buffered-amount', 'websocketstream', 'closing', 'errors'] },
  { id: 'wire', slugs: ['handshake', 'frames', 'subprotocols-and-extensions'] },
  { id: 'production', slugs: ['heartbeats-and-reconnect', 'security', 'writing-a-server', 'deployment-and-scaling', 'real-time-patterns', 'alternatives'] },
  { id: 'reference', slugs: ['cheat-sheet', 'glossary'] },
];

/**
 * Lessons the course plans (issue 8) that are not written yet: their places are kept so the order is decided
 * once, and they are left out until their files exist. Every other listed slug must exist in both languages.
 */
export const PLANNED: ReadonlySet<string> = new Set<string>([]);

/** Every listed slug, in course order. */
export const COURSE_ORDER: readonly string[] = COURSE.flatMap((s) => s.slugs);

/** The sections with only the lessons that exist (`slugs` is what content/<lang>/ holds). */
export function sectionsWith(existing: Iterable<string>): Section[] {
  const have = new Set(existing);
  return COURSE.map((s) => ({ id: s.id, slugs: s.slugs.filter((slug) => have.has(slug)) })).filter((s) => s.slugs.length > 0);
}

/** Problems with the course list against the lessons that exist in each language ([] when all is well). */
export function courseProblems(slugsByLang: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  const listed = new Set(COURSE_ORDER);
  if (listed.size !== COURSE_ORDER.length) problems.push('a slug is listed twice in COURSE');
  for (const [lang, slugs] of Object.entries(slugsByLang)) {
    for (const slug of slugs) if (!listed.has(slug)) problems.push(`content/${lang}/${slug}.mdx is not in COURSE (src/layouts/course.ts)`);
    for (const slug of COURSE_ORDER) {
      const exists = slugs.includes(slug);
      if (!exists && !PLANNED.has(slug)) problems.push(`COURSE lists ${slug}, but content/${lang}/${slug}.mdx does not exist`);
      if (exists && PLANNED.has(slug)) problems.push(`${slug} exists now: take it out of PLANNED`);
    }
  }
  return problems;
}
