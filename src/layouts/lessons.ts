import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/index.ts';

export type Lesson = CollectionEntry<'lessons'>;

/** `en/what-is-websocket` → { lang: 'en', slug: 'what-is-websocket' } */
export function splitId(id: string): { lang: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  return { lang, slug: rest.join('/') };
}

export async function lessonsFor(lang: Lang): Promise<Lesson[]> {
  const all = await getCollection('lessons', (entry) => splitId(entry.id).lang === lang);
  return all.sort((a, b) => a.data.order - b.data.order);
}

export function lessonHref(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}
