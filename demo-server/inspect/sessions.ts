// Inspector sessions: the records of one session go to that session's inspector and nowhere else.
// While no inspector is attached (or it reads too slowly) records wait in a small bounded buffer; what does
// not fit is counted and reported as {"kind":"dropped","count":n}. Sessions die soon after their last use.
import { Tally } from '../address.ts';
import type { Client } from '../client.ts';
import {
  INSPECTOR_SKIP_BYTES,
  MAX_SESSIONS,
  SESSION_IDLE_MS,
  SESSION_MAX_BYTES,
  SESSION_MAX_RECORDS,
} from '../limits.ts';

import { droppedRecord } from '../../src/lib/inspect/tap.ts';

export { isSessionId } from '../../src/lib/inspect/tap.ts';

class Session {
  readonly ownerKey: string;
  inspector: Client | null = null;
  /**
   * Sends a record to this session's inspector on another instance (remote.ts); false when it cannot
   * right now (the bus is down), and the record waits here as it would for a local inspector.
   */
  forward: ((record: string) => boolean) | null = null;
  /** Tapped connections still open. */
  tapped = 0;
  lastActive = Date.now();
  #waiting: string[] = [];
  #waitingBytes = 0;
  #dropped = 0;

  constructor(ownerKey: string) {
    this.ownerKey = ownerKey;
  }

  get idle(): boolean {
    return this.inspector === null && this.tapped === 0 && Date.now() - this.lastActive > SESSION_IDLE_MS;
  }

  push(record: string): void {
    this.lastActive = Date.now();
    const inspector = this.inspector;
    if (inspector) {
      if (inspector.bufferedAmount > INSPECTOR_SKIP_BYTES) {
        this.#dropped++;
        return;
      }
      this.#reportDropped(inspector);
      inspector.send(record);
      return;
    }
    if (this.forward?.(record)) return;
    // Keep the oldest records (the handshake first) and count the rest.
    if (this.#waiting.length >= SESSION_MAX_RECORDS || this.#waitingBytes + record.length > SESSION_MAX_BYTES) {
      this.#dropped++;
      return;
    }
    this.#waiting.push(record);
    this.#waitingBytes += record.length;
  }

  /** Hands everything waiting to a newly attached inspector, here or (forward) on another instance. */
  flush(): void {
    const inspector = this.inspector;
    if (inspector) {
      for (const record of this.#waiting) inspector.send(record);
      this.#waiting = [];
      this.#waitingBytes = 0;
      this.#reportDropped(inspector);
      return;
    }
    if (!this.forward) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    this.#waitingBytes = 0;
    for (const record of waiting) this.push(record);
  }

  /** A record tapped on another instance for this session's inspector here (none here: it is dropped). */
  fromRemote(record: string): void {
    if (this.inspector) this.push(record);
  }

  /** Sends the pending "dropped" notice once the inspector has room again (also called from the sweep). */
  #reportDropped(inspector: Client): void {
    if (this.#dropped === 0 || inspector.bufferedAmount > INSPECTOR_SKIP_BYTES) return;
    inspector.send(droppedRecord(this.#dropped));
    this.#dropped = 0;
  }

  sweep(): void {
    if (this.inspector) this.#reportDropped(this.inspector);
  }
}

export type { Session };

export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #perOwner = new Tally();
  readonly #perOwnerMax: number;

  /** `perOwnerMax`: sessions one address may hold (0 = no limit). */
  constructor(perOwnerMax: number) {
    this.#perOwnerMax = perOwnerMax;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Why a new session for `ownerKey` cannot be made now, or null if it can (or already exists). */
  refusal(id: string, ownerKey: string): { status: number; reason: string } | null {
    if (this.#sessions.has(id)) return null;
    if (this.#sessions.size >= MAX_SESSIONS) {
      return { status: 503, reason: 'Too many inspector sessions right now; try again in a minute' };
    }
    if (this.#perOwnerMax > 0 && this.#perOwner.get(ownerKey) >= this.#perOwnerMax) {
      return { status: 429, reason: `Too many inspector sessions from your address (at most ${this.#perOwnerMax})` };
    }
    return null;
  }

  /** Called with the id of each session made (remote.ts asks other instances whether they inspect it). */
  onCreated: ((id: string) => void) | null = null;

  /** The session, made if needed (call refusal() first). */
  get(id: string, ownerKey: string): Session {
    let session = this.#sessions.get(id);
    if (!session) {
      session = new Session(ownerKey);
      this.#sessions.set(id, session);
      this.#perOwner.add(ownerKey);
      this.onCreated?.(id);
    }
    return session;
  }

  /** The session if it exists (never makes one). */
  find(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  /** Sessions whose inspector is connected here. */
  *inspected(): Iterable<[string, Session]> {
    for (const entry of this.#sessions) if (entry[1].inspector) yield entry;
  }

  /** Makes `inspector` the session's only reader (an earlier one is closed) and gives it what waited. */
  attachInspector(id: string, inspector: Client): Session {
    const session = this.get(id, inspector.limitKey);
    const previous = session.inspector;
    session.inspector = inspector;
    if (previous && previous !== inspector) previous.close(1000, 'Another inspector took over this session');
    session.flush();
    return session;
  }

  detachInspector(id: string, inspector: Client): void {
    const session = this.#sessions.get(id);
    if (session?.inspector !== inspector) return;
    session.inspector = null;
    session.lastActive = Date.now();
  }

  /** Forgets sessions nobody has used for SESSION_IDLE_MS; reports pending drops. */
  sweep(): void {
    for (const [id, session] of this.#sessions) {
      if (session.idle) {
        this.#sessions.delete(id);
        this.#perOwner.remove(session.ownerKey);
      } else {
        session.sweep();
      }
    }
  }

  clear(): void {
    this.#sessions.clear();
  }
}
