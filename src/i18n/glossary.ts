// The glossary page's model: terms.json as entries in the reader's language, sorted the way that language sorts
// and grouped under the letters a dictionary in that language would use. Framework-free, so glossary.test.ts can
// check the order without a build.
import type { Lang } from './index.ts';
import { terms as allTerms, type Term } from './terms.ts';

export type GlossaryEntry = {
  /** The anchor: `/vi/glossary/#frame` — the same in both languages, so a lesson links one id. */
  id: string;
  /** The term in the page's language, and in the other one. */
  term: string;
  other: string;
  definition: string;
  note?: string;
  /** Vietnamese variants the course does not use. */
  rejected: string[];
  /** The lesson's slug and the anchor in it, if any. */
  slug: string;
  anchor: string;
};

export type GlossaryLetter = { letter: string; entries: GlossaryEntry[] };

// Tone marks (huyền, sắc, ngã, hỏi, nặng) do not make a new letter; the breve, circumflex and horn do (Ă, Â, Ô, Ơ, Ư),
// and Đ is a letter of its own — as in a Vietnamese dictionary.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** The letter a word is filed under in this language. */
export function letterOf(word: string, lang: Lang): string {
  const first = [...word.trim()][0] ?? '';
  if (lang === 'en') return first.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  return first.normalize('NFD').replace(TONES, '').normalize('NFC').toUpperCase();
}

/** What a term is filed under: “(a server) supports” under S, “the naive loop” under N. */
export function sortKey(term: string): string {
  return term.replace(/^\([^)]*\)\s*/, '').replace(/^the\s+/i, '').trim();
}

/** Every term, in this language's alphabetical order, grouped by letter. */
export function glossary(lang: Lang, terms: readonly Term[] = allTerms): GlossaryLetter[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const other: Lang = lang === 'en' ? 'vi' : 'en';
  const entries = terms
    .map((t): GlossaryEntry => {
      const [slug = '', anchor = ''] = t.taught.split('#');
      return {
        id: t.id,
        term: t[lang],
        other: t[other],
        definition: t.definition[lang],
        note: lang === 'en' ? t.note : t.noteVi,
        rejected: t.rejected,
        slug,
        anchor,
      };
    })
    .sort((a, b) => collator.compare(sortKey(a.term), sortKey(b.term)) || collator.compare(a.id, b.id));
  const letters: GlossaryLetter[] = [];
  for (const entry of entries) {
    const letter = letterOf(sortKey(entry.term), lang);
    const last = letters.at(-1);
    if (last?.letter === letter) last.entries.push(entry);
    else letters.push({ letter, entries: [entry] });
  }
  return letters;
}

/** Text with `code` spans split out, for rendering without a Markdown parser. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((p) => p.text !== '');
}
