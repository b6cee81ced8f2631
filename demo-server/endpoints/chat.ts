// /chat?nick=NAME: one broadcast room. Text is relayed as a JSON string and never interpreted (the
// server has no HTML anywhere); rendering it safely as text is the page's job.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import { rejection, type Endpoint } from '../endpoint.ts';
import { CHAT_TEXT_MAX_CHARS, NICK_MAX_CHARS } from '../limits.ts';

// Control and format characters (Cc, Cf: e.g. bidi overrides), line/paragraph separators and unpaired surrogates.
const forbiddenInNick = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const forbiddenInText = /[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|[^\P{Cc}\n\t]/u;

export function createChat(): Endpoint {
  const members = new Map<Client, string>();

  function broadcast(message: object): void {
    const json = JSON.stringify(message);
    for (const member of members.keys()) deliver(member, json);
  }

  function onChatMessage(this: Client, data: Buffer, isBinary: boolean): void {
    if (!this.admit()) return;
    if (isBinary) {
      this.close(1003, 'Chat accepts text messages only');
      return;
    }
    const nick = members.get(this);
    if (nick === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      sendError(this, 'Not JSON. Send {"type":"message","text":"…"}');
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'message') {
      sendError(this, 'Unknown message. Send {"type":"message","text":"…"}');
      return;
    }
    const text = (parsed as { text?: unknown }).text;
    if (typeof text !== 'string' || text.trim() === '') {
      sendError(this, '"text" must be a non-empty string');
      return;
    }
    if (countChars(text) > CHAT_TEXT_MAX_CHARS) {
      sendError(this, `"text" is longer than ${CHAT_TEXT_MAX_CHARS} characters`);
      return;
    }
    if (forbiddenInText.test(text)) {
      sendError(this, '"text" contains control characters');
      return;
    }
    broadcast({ type: 'message', nick, text, t: Date.now() });
  }

  return {
    path: '/chat',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query) {
      const raw = query.get('nick');
      const nick = raw?.trim() ?? '';
      if (nick === '') return rejection(400, '?nick= is required: the name shown with your messages');
      if (countChars(nick) > NICK_MAX_CHARS) return rejection(400, `?nick= must be at most ${NICK_MAX_CHARS} characters`);
      if (forbiddenInNick.test(nick)) return rejection(400, '?nick= must not contain control characters');
      return (client) => {
        members.set(client, nick);
        listen(client, 'message', onChatMessage);
        broadcast({ type: 'join', nick, count: members.size });
      };
    },
    closed(client) {
      const nick = members.get(client);
      if (nick === undefined) return;
      members.delete(client);
      broadcast({ type: 'leave', nick, count: members.size });
    },
  };
}

function sendError(client: Client, message: string): void {
  deliver(client, JSON.stringify({ type: 'error', message }));
}

function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
