// Both languages at once, for what runs outside a page: tests, the demo server, build-time components.
// A page's island never imports this module (it would ship both tables): its Astro wrapper passes the one
// table the page needs (protocolText(lang)) and the island calls explain().

import type { Lang } from '../../i18n/format.ts';
import { explain, type Message, type ProtocolText } from './message.ts';
import { en } from './text.en.ts';
import { vi } from './text.vi.ts';

/** A sentence or two for the reader, in English and in Vietnamese. */
export type Bilingual = { en: string; vi: string };

export type { Lang };

const TEXT: Record<Lang, ProtocolText> = { en, vi };

/** The protocol package's sentences in one language: what a lab's Astro wrapper hands its island. */
export function protocolText(lang: Lang): ProtocolText {
  return TEXT[lang];
}

/** A message in both languages. */
export function bilingual(msg: Message): Bilingual {
  return { en: explain(en, msg), vi: explain(vi, msg) };
}
