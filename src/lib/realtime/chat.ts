// The chat's rules and the lab's model. The nickname and text rules are the demo server's own (its /chat
// imports them), so the page catches a bad name before a handshake the server would refuse. The model
// parses the server's messages (join / leave / message / error, see docs/DEMO-SERVER.md, "/chat") and keeps the
// transcript the view renders. Text from other people is kept as plain strings; the view must render it
// as text, never as HTML.
import { jsonObject, readLinkNotice, type LinkNotice, type LinkState } from './linkNotice.ts';

/** The longest nickname and message text, in characters (code points). */
export const NICK_MAX_CHARS = 24;
export const TEXT_MAX_CHARS = 500;

// Control and format characters (Cc, Cf: e.g. bidi overrides), line/paragraph separators, lone surrogates.
const forbiddenInNick = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
// The same in a message, except that newlines and tabs are text.
const forbiddenInText = /[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|[^\P{Cc}\n\t]/u;

export type NickProblem = 'empty' | 'tooLong' | 'control';

export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function checkNick(raw: string): { nick: string } | { problem: NickProblem } {
  const nick = raw.trim();
  if (nick === '') return { problem: 'empty' };
  if (countChars(nick) > NICK_MAX_CHARS) return { problem: 'tooLong' };
  if (forbiddenInNick.test(nick)) return { problem: 'control' };
  return { nick };
}

export type TextProblem = 'notString' | 'empty' | 'tooLong' | 'control';

/** Checks a message's text as the server does; null when it may be sent to the room. */
export function checkChatText(text: unknown): TextProblem | null {
  if (typeof text !== 'string') return 'notString';
  if (text.trim() === '') return 'empty';
  if (countChars(text) > TEXT_MAX_CHARS) return 'tooLong';
  if (forbiddenInText.test(text)) return 'control';
  return null;
}

export type ServerChatMessage =
  | { type: 'join' | 'leave'; nick: string; count: number }
  | { type: 'message'; nick: string; text: string; t: number }
  | { type: 'error'; message: string }
  /** The server's link to the other chat servers went down ('local': the room is cut in parts) or came back. */
  | LinkNotice;

export type { LinkState } from './linkNotice.ts';

/** Parses one message from /chat; anything that does not match the documented shapes gives null. */
export function parseChatMessage(data: unknown): ServerChatMessage | null {
  const o = jsonObject(data);
  if (!o) return null;
  if ((o.type === 'join' || o.type === 'leave') && typeof o.nick === 'string' && Number.isInteger(o.count)) {
    return { type: o.type, nick: o.nick, count: o.count as number };
  }
  if (o.type === 'message' && typeof o.nick === 'string' && typeof o.text === 'string' && typeof o.t === 'number') {
    return { type: 'message', nick: o.nick, text: o.text, t: o.t };
  }
  if (o.type === 'error' && typeof o.message === 'string') return { type: 'error', message: o.message };
  return readLinkNotice(o);
}

export type ChatEntry =
  | { id: number; kind: 'join' | 'leave'; nick: string; count: number; own: boolean }
  | { id: number; kind: 'message'; nick: string; text: string; t: number; own: boolean }
  | { id: number; kind: 'error'; message: string; repeat: number }
  | { id: number; kind: 'invalid'; raw: string }
  | { id: number; kind: 'link'; state: LinkState }
  | { id: number; kind: 'closed'; code: number; reason: string; wasClean: boolean };

export class ChatRoom {
  #entries: ChatEntry[] = [];
  #nextId = 1;
  #max: number;
  /** Texts we sent that the server has not answered yet, oldest first. */
  #pending: Array<string | null> = [];
  #nick: string | null = null;
  #awaitingOwnJoin = false;
  members: number | null = null;

  constructor(maxEntries = 300) {
    this.#max = maxEntries;
  }

  get entries(): readonly ChatEntry[] {
    return this.#entries;
  }

  get nick(): string | null {
    return this.#nick;
  }

  /** A new connection as `nick`: the first join announcing that name is ours. */
  joining(nick: string): void {
    this.#nick = nick;
    this.#pending = [];
    this.#awaitingOwnJoin = true;
    this.members = null;
  }

  /**
   * Remembers a text we sent. The server answers each message with either the broadcast (to us too) or an
   * error (to us only), in order, so the oldest pending text tells which broadcast is ours — two members may
   * share a nickname. A real protocol would echo a client-chosen id instead.
   */
  sent(text: string | null): void {
    // null: something that is not a chat message (the server will answer it with an error).
    this.#pending.push(text);
  }

  receive(data: unknown): ServerChatMessage | null {
    const m = parseChatMessage(data);
    if (!m) {
      this.#add({ kind: 'invalid', raw: typeof data === 'string' ? data.slice(0, 200) : `[${typeof data}]` });
      return null;
    }
    switch (m.type) {
      case 'join':
      case 'leave': {
        const own = m.type === 'join' && this.#awaitingOwnJoin && m.nick === this.#nick;
        if (own) this.#awaitingOwnJoin = false;
        this.members = m.count;
        this.#add({ kind: m.type, nick: m.nick, count: m.count, own });
        break;
      }
      case 'message': {
        const own = m.nick === this.#nick && this.#pending[0] === m.text;
        if (own) this.#pending.shift();
        this.#add({ kind: 'message', nick: m.nick, text: m.text, t: m.t, own });
        break;
      }
      case 'notice':
        this.#add({ kind: 'link', state: m.code });
        break;
      case 'error': {
        this.#pending.shift();
        const last = this.#entries.at(-1);
        // A burst of bad messages gets one line with a count, not fifty.
        if (last?.kind === 'error' && last.message === m.message) {
          this.#entries[this.#entries.length - 1] = { ...last, repeat: last.repeat + 1 };
        } else this.#add({ kind: 'error', message: m.message, repeat: 1 });
        break;
      }
    }
    return m;
  }

  closed(code: number, reason: string, wasClean: boolean): void {
    this.#pending = [];
    this.#awaitingOwnJoin = false;
    this.members = null;
    this.#add({ kind: 'closed', code, reason, wasClean });
  }

  clear(): void {
    this.#entries = [];
  }

  #add(entry: ChatEntry extends infer E ? (E extends ChatEntry ? Omit<E, 'id'> : never) : never): void {
    this.#entries = [...this.#entries, { ...entry, id: this.#nextId++ } as ChatEntry];
    if (this.#entries.length > this.#max) this.#entries = this.#entries.slice(-this.#max);
  }
}
