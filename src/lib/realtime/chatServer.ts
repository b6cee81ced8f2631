// The /chat room's side of the rules, shared by the demo server and the page's simulated server: what a
// nickname refusal says, and how one message from a member is answered (src/lib/realtime/chat.ts holds the
// rules themselves, which the lab checks too).
import { checkChatText, checkNick, NICK_MAX_CHARS, TEXT_MAX_CHARS, type NickProblem, type TextProblem } from './chat.ts';
import { rejection, type Rejection } from '../server/params.ts';

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

/** The member's nickname from `?nick=`, or the 400 that refuses the handshake. */
export function chatNick(query: URLSearchParams): string | Rejection {
  const checked = checkNick(query.get('nick') ?? '');
  return 'problem' in checked ? rejection(400, nickRefusal[checked.problem]) : checked.nick;
}

/** A binary message ends the membership with this close (the room speaks JSON text). */
export const CHAT_BINARY_CLOSE = { code: 1003, reason: 'Chat accepts text messages only' } as const;

/**
 * Reads one text message from a member: the text to say to the room (the room broadcasts
 * {"type":"message","nick","text","t"} to every member, the sender too), or the error for the sender alone.
 */
export function readChatMessage(data: string): { text: string } | { error: object } {
  const error = (message: string) => ({ error: { type: 'error', message } });
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return error('Not JSON. Send {"type":"message","text":"…"}');
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'message') {
    return error('Unknown message. Send {"type":"message","text":"…"}');
  }
  const text = (parsed as { text?: unknown }).text;
  const problem = checkChatText(text);
  if (problem) return error(textError[problem]);
  return { text: text as string };
}
