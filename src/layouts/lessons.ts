import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/index.ts';
import { COURSE_ORDER, sectionsWith, type SectionId } from './course.ts';

export type Lesson = CollectionEntry<'lessons'>;

/** `en/what-is-websocket` → { lang: 'en', slug: 'what-is-websocket' } */
export function splitId(id: string): { lang: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  return { lang, slug: rest.join('/') };
}

export async function lessonsFor(lang: Lang): Promise<Lesson[]> {
  const all = await getCollection('lessons', (entry) => splitId(entry.id).lang === lang);
  const place = (entry: Lesson) => COURSE_ORDER.indexOf(splitId(entry.id).slug);
  return all.sort((a, b) => place(a) - place(b));
}

/** The course's sections, each with its lessons in this language (sections with none yet are left out). */
export function sectionsOf(lessons: readonly Lesson[]): { id: SectionId; lessons: Lesson[] }[] {
  const bySlug = new Map(lessons.map((l) => [splitId(l.id).slug, l]));
  return sectionsWith(bySlug.keys()).map((s) => ({ id: s.id, lessons: s.slugs.map((slug) => bySlug.get(slug)!) }));
}

export function lessonHref(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}

/** slug → the lesson's short title (its sidebar label), for links that name the lesson they lead to. */
export async function lessonTitles(lang: Lang): Promise<Map<string, string>> {
  return new Map((await lessonsFor(lang)).map((l) => [splitId(l.id).slug, l.data.sidebarLabel ?? l.data.title]));
}
