// Inspector sessions in the page, as the demo server keeps them: a session's records go to its inspector
// (/inspect?session=ID) as text messages; while none is attached they wait, up to the server's bound, and
// what did not fit is reported as {"kind":"dropped","count":n} when the inspector comes.
import { droppedRecord, type RecordSink } from '../inspect/tap.ts';
import type { SimPeer } from './peer.ts';

/** As the demo server: a waiting session keeps at most this many records. */
const MAX_WAITING = 200;
/** A session with no inspector and no tapped connection is forgotten after this long. */
const IDLE_MS = 60_000;

class SimSession implements RecordSink {
  inspector: SimPeer | null = null;
  tapped = 0;
  lastActive = Date.now();
  waiting: string[] = [];
  dropped = 0;

  push(record: string): void {
    this.lastActive = Date.now();
    if (this.inspector?.open) {
      this.#reportDropped();
      this.inspector.send(record);
    } else if (this.waiting.length < MAX_WAITING) {
      this.waiting.push(record);
    } else {
      this.dropped++;
    }
  }

  flush(): void {
    for (const record of this.waiting.splice(0)) this.inspector?.send(record);
    this.#reportDropped();
  }

  #reportDropped(): void {
    if (this.dropped === 0) return;
    this.inspector?.send(droppedRecord(this.dropped));
    this.dropped = 0;
  }
}

export class SimSessions {
  #sessions = new Map<string, SimSession>();

  #get(id: string): SimSession {
    this.#sweep();
    let session = this.#sessions.get(id);
    if (!session) this.#sessions.set(id, (session = new SimSession()));
    return session;
  }

  sink(id: string): RecordSink {
    return this.#get(id);
  }

  tapped(id: string, delta: number): void {
    const session = this.#get(id);
    session.tapped += delta;
    session.lastActive = Date.now();
  }

  /** An inspector opened on `id`: it gets what waited, then every record as it comes. */
  attach(id: string, inspector: SimPeer): void {
    const session = this.#get(id);
    session.inspector = inspector;
    session.flush();
    inspector.whenClosed(() => {
      if (session.inspector === inspector) session.inspector = null;
      session.lastActive = Date.now();
    });
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.#sessions) {
      if (!session.inspector && session.tapped === 0 && now - session.lastActive > IDLE_MS) this.#sessions.delete(id);
    }
  }
}
