// Small helpers the frame labs share for their strings (handed in by the Astro wrapper, per language).

export type Lang = 'en' | 'vi';

/** The string for `key` with `{name}` placeholders filled; an unknown key shows itself, so it is noticed. */
export function fill(strings: Record<string, string>, key: string, values: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  vi: new Intl.NumberFormat('vi-VN'),
};

export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}
