// Every explanation this package gives exists in both of the site's languages, side by side,
// so a view picks one by locale and the two can never drift apart into separate files.

/** A sentence or two for the reader, in English and in Vietnamese. */
export type Bilingual = { en: string; vi: string };

const numberEn = new Intl.NumberFormat('en-US');
const numberVi = new Intl.NumberFormat('vi-VN');

/** A number as each language writes it: 65,536 in English, 65.536 in Vietnamese. */
export function formatNumber(n: number): Bilingual {
  return { en: numberEn.format(n), vi: numberVi.format(n) };
}
