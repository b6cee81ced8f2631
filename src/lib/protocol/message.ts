// What the protocol package says to a reader, without the words: a key into a language's text table and the
// values the sentence needs. The codec builds Messages; a view turns them into words with explain() and the
// table for its page's language (text.en.ts or text.vi.ts), so a page ships one language, not both.

import { fill } from '../../i18n/format.ts';

export type MessageValue = string | number | Message;
export type Message = { key: string; values?: Readonly<Record<string, MessageValue>> };

/** One language's sentences (keys `protocol.…`), plus `protocol.locale` for numbers. */
export type ProtocolText = Readonly<Record<string, string>>;

export function message(key: string, values?: Record<string, MessageValue>): Message {
  return values ? { key, values } : { key };
}

/**
 * The message in `text`'s language. Placeholders: `{name}` as is, `{name:n}` a number written the
 * language's way (65,536 or 65.536), `{name:lower}` in lower case; a value may itself be a Message.
 * An unknown key shows itself, so a missing sentence is noticed rather than silently blank.
 */
export function explain(text: ProtocolText, msg: Message): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.values ?? {})) values[name] = typeof value === 'object' ? explain(text, value) : value;
  return fill(text[msg.key] ?? msg.key, values, text['protocol.locale'] ?? 'en-US');
}
