// The one way UI text is filled in and numbers are written, for pages, islands and src/lib alike. Framework-
// free and without the dictionaries, so an island importing it ships no strings it was not handed.

import type en from './en.json';

export const languages = ['en', 'vi'] as const;
export type Lang = (typeof languages)[number];

export type Values = Readonly<Record<string, string | number>>;

/** A UI string's key: one of en.json's (vi.json has the same keys, checked in ./index.ts), so a misspelt or
 *  unknown key fails `npm run check` instead of showing itself on the page. Type-only: no strings are bundled. */
export type UiKey = keyof typeof en;
/** The strings a page hands an island (`pick(lang, 'close.', 'lab.')`), keyed by `UiKey`. */
export type UiStrings = Readonly<Record<UiKey, string>>;
/** The rest of each key under a prefix: `KeysUnder<'buf.stats.'>` is 'phase' | 'queued' | …, for tables of rows. */
export type KeysUnder<P extends string> = UiKey extends infer K ? (K extends `${P}${infer Rest}` ? Rest : never) : never;

/**
 * Fills placeholders: `{name}` as is, `{name:n}` a number written `lang`'s way (65,536 or 65.536),
 * `{name:lower}` in lower case. An unknown one stays visible, so a mistake is noticed rather than blank.
 */
export function fill(template: string, values: Values = {}, lang: Lang | string = 'en'): string {
  return template.replace(/\{(\w+)(?::(n|lower))?\}/g, (whole, name: string, how?: string) => {
    if (!(name in values)) return whole;
    const value = values[name]!;
    const out = typeof value === 'number' && how === 'n' ? formatNumber(lang, value) : String(value);
    return how === 'lower' ? out.toLowerCase() : out;
  });
}

/** The string for `key` in a lab's strings, filled; a missing key shows itself. */
export function translate(strings: UiStrings, key: UiKey, values?: Values): string {
  return fill(strings[key] ?? key, values);
}

/** The string for a key made from a run-time value (an exception's name), or undefined when there is none. */
export function optionalText(strings: UiStrings, key: string): string | undefined {
  return (strings as Readonly<Record<string, string>>)[key];
}

/** `translate` bound to one lab's strings: `const t = translator(strings)`, then `t('chat.joined', { nick })`. */
export function translator(strings: UiStrings): (key: UiKey, values?: Values) => string {
  return (key, values) => translate(strings, key, values);
}

/** The locale numbers are written in for a page language (65,536 in English, 65.536 in Vietnamese). */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', vi: 'vi-VN' };

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number written a language's way; `lang` may also be a BCP 47 locale. Formatters are made once and reused. */
export function formatNumber(lang: Lang | string, n: number, options: Intl.NumberFormatOptions = {}): string {
  const locale = (LOCALES as Record<string, string>)[lang] ?? lang;
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(locale, options)));
  return format.format(n);
}
