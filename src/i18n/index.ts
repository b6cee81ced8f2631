import { fill, languages, type Lang, type UiKey, type UiStrings } from './format.ts';
import en from './en.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

export { languages, type Lang, type UiKey, type UiStrings };
export type Strings = Record<string, string>;

const dictionaries: Record<Lang, Strings> = { en, vi };

/** Keys present in one dictionary but not the other; empty when both are complete. */
export function missingKeys(a: Strings, b: Strings): string[] {
  const missing: string[] = [];
  for (const key of Object.keys(a)) if (!(key in b) || b[key] === '') missing.push(key);
  for (const key of Object.keys(b)) if (!(key in a) || a[key] === '') missing.push(key);
  return [...new Set(missing)].sort();
}

// Checked when the module loads, so `astro build` fails instead of a page showing a blank.
const missing = missingKeys(en, vi);
if (missing.length > 0) {
  throw new Error(`src/i18n: en.json and vi.json differ in these keys: ${missing.join(', ')}`);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'vi' : 'en';
}

export function t(lang: Lang, key: UiKey, values?: Record<string, string | number>): string {
  return fill(dictionaries[lang][key], values);
}

/**
 * The strings under one prefix (e.g. `lab.`), for handing to an island as a prop:
 * islands get only what they show instead of both dictionaries.
 */
export function pick(lang: Lang, ...prefixes: string[]): UiStrings {
  const out: Strings = {};
  for (const [key, value] of Object.entries(dictionaries[lang])) {
    if (prefixes.some((p) => key.startsWith(p))) out[key] = value;
  }
  // Typed as every key so islands' keys are checked against en.json; one outside the prefixes reads undefined
  // at run time and `translate` shows the key itself, which the browser tests would catch.
  return out as UiStrings;
}

/** `strings` without the keys `pattern` matches: what an island must not ship (text that stays in the HTML). */
export function omit(strings: UiStrings, pattern: RegExp): UiStrings {
  return Object.fromEntries(Object.entries(strings).filter(([key]) => !pattern.test(key))) as UiStrings;
}
