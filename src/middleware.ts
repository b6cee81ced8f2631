// The page's language, set once per request from its path (`/vi/...` → vi) so every component — the shell,
// MDX teaching components, lab wrappers — reads `Astro.locals.lang` instead of working it out again.
import { defineMiddleware } from 'astro:middleware';
import { isLang } from './i18n/index.ts';
import type { Lang } from './i18n/format.ts';

export function langOf(url: URL): Lang {
  const first = url.pathname.split('/')[1];
  return isLang(first) ? first : 'en';
}

export const onRequest = defineMiddleware((context, next) => {
  context.locals.lang = langOf(context.url);
  return next();
});
