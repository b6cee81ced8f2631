import { isLang, type Lang } from '../i18n/index.ts';

/** The language of the page being rendered, from its path (`/vi/...` → vi); components in MDX use it. */
export function langOf(url: URL): Lang {
  const first = url.pathname.split('/')[1];
  return isLang(first) ? first : 'en';
}
