// The simulated /chat room: members in this page, plus the reader's other tabs on the same site, joined
// over a BroadcastChannel (same origin only, nothing leaves the browser). Each tab keeps its own members
// and tells the others what happens; every tab delivers each join, leave and message to its own members,
// with the room's size counted over all tabs. The answers are the demo server's (realtime/chatServer.ts).
import { CHAT_BINARY_CLOSE, readChatMessage } from '../realtime/chatServer.ts';
import type { SimPeer } from './peer.ts';

const CHANNEL = 'wss-school:simulated-chat';
/**
 * How long a tab's first member waits for the other tabs to say how many they hold: long enough for a tab
 * that is busy starting up to answer (60 ms missed it on a loaded machine), short enough to pass for a handshake.
 */
const ROLL_CALL_MS = 250;

type Note =
  | { kind: 'hello'; tab: string }
  | { kind: 'here'; tab: string; members: number }
  | { kind: 'event'; tab: string; members: number; json: string };

export class SimChatRoom {
  readonly #tab = globalThis.crypto.randomUUID();
  readonly #members = new Map<SimPeer, string>();
  /** Members in each other tab. */
  readonly #others = new Map<string, number>();
  #channel: BroadcastChannel | null = null;
  #ready: Promise<void> | null = null;

  get count(): number {
    let n = this.#members.size;
    for (const members of this.#others.values()) n += members;
    return n;
  }

  join(peer: SimPeer, nick: string): void {
    const ready = this.#open();
    // The demo server's room takes messages from the moment the connection opens, but a tab's first member
    // waits for the roll call before it is in the room: what it sends meanwhile is handled after its join
    // (promise callbacks run in the order they were registered), not lost.
    peer.onMessage = (data, binary) =>
      void ready.then(() => {
        if (this.#members.has(peer)) this.#onMessage(peer, nick, data, binary);
      });
    void ready.then(() => {
      if (!peer.open) return;
      this.#members.set(peer, nick);
      peer.whenClosed(() => {
        if (!this.#members.delete(peer)) return;
        this.#broadcast({ type: 'leave', nick, count: this.count });
      });
      this.#broadcast({ type: 'join', nick, count: this.count });
    });
  }

  #onMessage(peer: SimPeer, nick: string, data: Uint8Array, binary: boolean): void {
    if (binary) {
      peer.close(CHAT_BINARY_CLOSE.code, CHAT_BINARY_CLOSE.reason);
      return;
    }
    const read = readChatMessage(new TextDecoder().decode(data));
    if ('error' in read) peer.send(JSON.stringify(read.error));
    else this.#broadcast({ type: 'message', nick, text: read.text, t: Date.now() });
  }

  #broadcast(message: object): void {
    const json = JSON.stringify(message);
    for (const member of this.#members.keys()) member.send(json);
    this.#post({ kind: 'event', tab: this.#tab, members: this.#members.size, json });
  }

  #post(note: Note): void {
    try {
      this.#channel?.postMessage(note);
    } catch {
      // The channel is closed (the page is going away): other tabs hear nothing more from this one.
    }
  }

  #open(): Promise<void> {
    if (this.#ready) return this.#ready;
    if (typeof BroadcastChannel !== 'function') return (this.#ready = Promise.resolve());
    const channel = new BroadcastChannel(CHANNEL);
    this.#channel = channel;
    channel.onmessage = (event: MessageEvent<Note>) => this.#onNote(event.data);
    if (typeof addEventListener === 'function') {
      // Leaving the page leaves the room, for the other tabs.
      addEventListener('pagehide', () => {
        if (this.#members.size === 0) return;
        const nicks = [...this.#members.values()];
        this.#members.clear();
        for (const nick of nicks) this.#post({ kind: 'event', tab: this.#tab, members: 0, json: JSON.stringify({ type: 'leave', nick, count: this.count }) });
      });
    }
    this.#post({ kind: 'hello', tab: this.#tab });
    return (this.#ready = new Promise((resolve) => setTimeout(resolve, ROLL_CALL_MS)));
  }

  #onNote(note: Note): void {
    if (note.tab === this.#tab) return;
    if (note.kind === 'hello') {
      this.#post({ kind: 'here', tab: this.#tab, members: this.#members.size });
      return;
    }
    this.#others.set(note.tab, note.members);
    if (note.members === 0) this.#others.delete(note.tab);
    if (note.kind === 'event') for (const member of this.#members.keys()) member.send(note.json);
  }
}
