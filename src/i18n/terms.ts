// The course's Vietnamese terminology (terms.json): one chosen term per concept, with the variants it replaced.
// The glossary page renders it; terms.test.ts fails when a rejected variant is back in Vietnamese prose.
import data from './terms.json' with { type: 'json' };

export type Term = {
  id: string;
  en: string;
  vi: string;
  rejected: string[];
  /** How the Vietnamese term is used, in English; `noteVi` says the same in Vietnamese. */
  note?: string;
  noteVi?: string;
  /** The lesson that teaches it: a slug, optionally with #anchor. */
  taught: string;
  /** One or two sentences for the glossary, in each language; `code` in backticks. */
  definition: { en: string; vi: string };
};

export const terms: readonly Term[] = data.terms;

export type Rejected = { variant: string; use: string; column: number; length: number };

const letter = '[\\p{L}\\p{N}_]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = terms.flatMap((term) =>
  term.rejected.map((variant) => ({
    term,
    variant,
    // A space in a variant matches any run of white space, so a variant wrapped onto the next line still counts.
    re: new RegExp(`(?<!${letter})${escape(variant).replace(/ /g, '\\s+')}(?!${letter})`, 'giu'),
    // The English word as a gloss right after the chosen term: "khung (frame)".
    gloss: new RegExp(`${escape(term.vi)}\\s*\\(${escape(variant)}\\)`, 'iu'),
  })),
);

/** Rejected variants in one line of Vietnamese prose (code already removed), with the term to use instead. */
export function rejectedIn(prose: string): Rejected[] {
  const found: Rejected[] = [];
  for (const { term, variant, re, gloss } of patterns) {
    for (const m of prose.matchAll(re)) {
      const before = prose.slice(0, m.index);
      const open = before.lastIndexOf('(');
      if (open !== -1 && gloss.test(prose.slice(Math.max(0, open - term.vi.length - 2), m.index + m[0].length + 1))) continue;
      // …or the other way round, an English name glossed in Vietnamese: "Text (văn bản)".
      if (prose.slice(m.index + m[0].length).toLowerCase().startsWith(` (${term.vi.toLowerCase()}`)) continue;
      found.push({ variant, use: term.vi, column: m.index + 1, length: m[0].length });
    }
  }
  return found;
}

const VIETNAMESE = /[À-ỹđĐ]/u;

/**
 * Sets aside what is not Vietnamese prose: quoted, italic or parenthesised text with no Vietnamese letters (a
 * button's English label, an error message, an English gloss such as "(opening handshake)"), dotted identifiers
 * (`message.text`, `text.en.ts`) written without backticks.
 */
export function withoutQuotedEnglish(line: string): string {
  const blankUnlessVietnamese = (whole: string, inner: string) => (VIETNAMESE.test(inner) ? whole : ' '.repeat(whole.length));
  return line
    .replace(/“([^”]*)”/g, blankUnlessVietnamese)
    .replace(/"([^"]*)"/g, blankUnlessVietnamese)
    .replace(/\(([^()]*)\)/g, blankUnlessVietnamese)
    .replace(/(?<![*\w])\*([^*]+)\*(?!\*)/g, blankUnlessVietnamese)
    .replace(/\b[\w-]+(?:\.[\w-]+)+\b|\b[a-z]+\/[\w.+-]+/g, (m) => ' '.repeat(m.length));
}

// The course writes the old-style tone marks (hoà, khoẻ, thuỷ), as it always has: in an open syllable oa, oe and uy
// carry the mark on their second vowel. The new style (hòa, khỏe, thủy) is the same word spelled differently, so
// a lesson in it would drift from the course's spelling and from the chosen terms (“huỷ kết nối”).
const NEW_STYLE = /(?<!\p{L})(\p{L}*?)([òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?!\p{L})/gu;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** “ủ” + “y” → “u” + “ỷ”: the tone mark moves to the second vowel; other marks (the horn, the hat) stay. */
function moveMark(carrier: string, next: string): string {
  const parts = [...carrier.normalize('NFD')];
  const mark = parts.find((p) => TONE.test(p)) ?? '';
  return (parts.filter((p) => p !== mark).join('') + next + mark).normalize('NFC');
}

export type Spelling = { found: string; use: string; column: number };

/** New-style tone marks in one line of prose, each with the course's old-style spelling. */
export function newStyleTones(prose: string): Spelling[] {
  return [...prose.matchAll(NEW_STYLE)].map((m) => {
    const [carrier, next] = [...m[2]];
    return { found: m[0], use: m[1] + moveMark(carrier, next), column: m.index + 1 };
  });
}
