import { InspectorSession, type InspectSnapshot } from '../../lib/inspect/session.ts';
import { LiveConnection } from './connection.svelte.ts';

/**
 * An inspected connection for a lab: the shared LiveConnection (readyState, event log…) plus the inspector
 * session that taps it, both mirrored into runes. `connect(base, path)` opens /inspect first, then the
 * connection with ?session=ID.
 */
export class LiveInspector {
  readonly conn: LiveConnection;
  readonly session: InspectorSession;
  #snapshot: InspectSnapshot = $state.raw() as unknown as InspectSnapshot;
  #unsubscribe: () => void;

  constructor() {
    this.conn = new LiveConnection();
    this.session = new InspectorSession({ connection: this.conn.model });
    this.#unsubscribe = this.session.subscribe((snap) => {
      this.#snapshot = snap;
    });
  }

  get state(): InspectSnapshot {
    return this.#snapshot;
  }

  connect(base: string, path: string, protocols: string[] = []): Promise<boolean> {
    return this.session.connect(base, path, protocols);
  }

  dispose(): void {
    this.#unsubscribe();
    this.session.dispose();
    this.conn.dispose();
  }
}
