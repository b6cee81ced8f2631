// Every explanation this package gives exists in both of the site's languages, side by side,
// so a view picks one by locale and the two can never drift apart into separate files.

/** A sentence or two for the reader, in English and in Vietnamese. */
export type Bilingual = { en: string; vi: string };
