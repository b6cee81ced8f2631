// The chat room. Alone (no bus), it is the members of this instance. With a bus, each instance relays
// what its own members do to the others and delivers what they relay to its members, so the room is one:
// a sender's messages travel through one instance and one Redis connection, so they arrive in the order
// sent, and an instance ignores its own messages coming back, so none arrives twice. The member count
// adds the counts the other instances last reported (README.md, "Running more than one instance").
import { deliver } from './broadcast.ts';
import type { Bus, BusMessage } from './bus.ts';
import type { Client } from './client.ts';
import type { LinkNotice } from '../src/lib/realtime/linkNotice.ts';

/** Each instance reports its member count this often; a count not refreshed in 3 periods is forgotten. */
const PRESENCE_MS = 5000;

export type RoomEvent =
  | { type: 'join' | 'leave'; nick: string }
  | { type: 'message'; nick: string; text: string; t: number };

/** What the room says about itself when the link to the other instances goes or comes back. */
export const NOTICES = {
  local:
    'The link between chat servers is down: for now your messages reach only the people connected to this server. The room will join up again by itself.',
  shared: 'The link between chat servers is back: the room is whole again.',
} as const;

export class ChatRoom {
  readonly members = new Map<Client, string>();
  readonly #bus: Bus | null;
  /** Other instances' member counts, by instance id, with when each was last heard. */
  readonly #remote = new Map<string, { count: number; at: number }>();
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(bus: Bus | null) {
    this.#bus = bus;
    if (!bus) return;
    bus.on('chat', (message, from) => this.#fromRemote(message, from));
    bus.on('chat-presence', (message, from) => this.#heard(from, message.count));
    bus.on('chat-hello', (message, from) => {
      this.#heard(from, message.count);
      this.#announce('chat-presence');
    });
    bus.onStatus.add((up) => {
      if (up) this.#announce('chat-hello');
      else this.#remote.clear();
      if (this.members.size > 0) this.#notify(up ? 'shared' : 'local');
    });
    this.#timer = setInterval(() => this.#announce('chat-presence'), PRESENCE_MS);
    this.#timer.unref();
  }

  /** Everyone in the room, on every instance heard from lately. */
  get count(): number {
    const now = Date.now();
    let total = this.members.size;
    for (const [id, { count, at }] of this.#remote) {
      if (now - at > 3 * PRESENCE_MS) this.#remote.delete(id);
      else total += count;
    }
    return total;
  }

  join(client: Client, nick: string): void {
    this.members.set(client, nick);
    this.#happened({ type: 'join', nick });
    // A newcomer should know at once that the room is cut in parts, not only those present when it happened.
    if (this.#bus && !this.#bus.up) deliver(client, JSON.stringify({ type: 'notice', code: 'local', message: NOTICES.local } satisfies LinkNotice));
  }

  leave(client: Client): void {
    const nick = this.members.get(client);
    if (nick === undefined) return;
    this.members.delete(client);
    this.#happened({ type: 'leave', nick });
  }

  say(client: Client, text: string): void {
    const nick = this.members.get(client);
    if (nick !== undefined) this.#happened({ type: 'message', nick, text, t: Date.now() });
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Something a member here did: to everyone here, and to the other instances. */
  #happened(event: RoomEvent): void {
    this.#bus?.publish({ kind: 'chat', event, count: this.members.size });
    this.#deliverHere(event);
  }

  #fromRemote(message: BusMessage, from: string): void {
    this.#heard(from, message.count);
    const event = message.event as RoomEvent | undefined;
    if (event && (event.type === 'join' || event.type === 'leave' || event.type === 'message')) this.#deliverHere(event);
  }

  #deliverHere(event: RoomEvent): void {
    const json = JSON.stringify(event.type === 'message' ? event : { ...event, count: this.count });
    for (const member of this.members.keys()) deliver(member, json);
  }

  #heard(from: string, count: unknown): void {
    if (Number.isSafeInteger(count) && (count as number) >= 0) this.#remote.set(from, { count: count as number, at: Date.now() });
  }

  #announce(kind: 'chat-hello' | 'chat-presence'): void {
    this.#bus?.publish({ kind, count: this.members.size });
  }

  #notify(code: keyof typeof NOTICES): void {
    const json = JSON.stringify({ type: 'notice', code, message: NOTICES[code] } satisfies LinkNotice);
    for (const member of this.members.keys()) deliver(member, json);
  }
}
