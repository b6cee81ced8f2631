// /chat?nick=NAME: one broadcast room (room.ts; one across instances when they share a bus). Text is relayed
// as a JSON string and never interpreted (the server has no HTML anywhere); rendering it safely as text is
// the page's job.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import type { Bus } from '../bus.ts';
import { rejection, type Endpoint } from '../endpoint.ts';
import { ChatRoom } from '../room.ts';
import { checkChatText, checkNick, NICK_MAX_CHARS, TEXT_MAX_CHARS, type NickProblem, type TextProblem } from '../../src/lib/realtime/chat.ts';

/** What the sender is told, per broken rule (the rules themselves are src/lib/realtime/chat.ts, the lab's too). */
const nickRefusal: Record<NickProblem, string> = {
  empty: '?nick= is required: the name shown with your messages',
  tooLong: `?nick= must be at most ${NICK_MAX_CHARS} characters`,
  control: '?nick= must not contain control characters',
};
const textError: Record<TextProblem, string> = {
  notString: '"text" must be a non-empty string',
  empty: '"text" must be a non-empty string',
  tooLong: `"text" is longer than ${TEXT_MAX_CHARS} characters`,
  control: '"text" contains control characters',
};

export function createChat(bus: Bus | null): Endpoint {
  const room = new ChatRoom(bus);

  function onChatMessage(this: Client, data: Buffer, isBinary: boolean): void {
    if (!this.admit()) return;
    if (isBinary) {
      this.close(1003, 'Chat accepts text messages only');
      return;
    }
    if (!room.members.has(this)) return;
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
    const problem = checkChatText(text);
    if (problem) {
      sendError(this, textError[problem]);
      return;
    }
    room.say(this, text as string);
  }

  return {
    path: '/chat',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query) {
      const checked = checkNick(query.get('nick') ?? '');
      if ('problem' in checked) return rejection(400, nickRefusal[checked.problem]);
      const { nick } = checked;
      return (client) => {
        listen(client, 'message', onChatMessage);
        room.join(client, nick);
      };
    },
    closed: (client) => room.leave(client),
    stop: () => room.stop(),
  };
}

function sendError(client: Client, message: string): void {
  deliver(client, JSON.stringify({ type: 'error', message }));
}
