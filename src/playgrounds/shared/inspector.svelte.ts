import { fill } from '../../lib/connection/format.ts';
import { InspectorSession, type InspectError, type InspectSnapshot } from '../../lib/inspect/session.ts';
import { LiveConnection } from './connection.svelte.ts';
import { endpointUrl, initialServerBase } from './server.ts';

/**
 * What to tell the reader when the inspector stream failed ('' when it did not). `unreachableKey` names the
 * lab's own sentence for a server that cannot be reached.
 */
export function inspectErrorText(error: InspectError | null, strings: Record<string, string>, unreachableKey = 'inspect.unreachable'): string {
  if (!error) return '';
  if (error.kind === 'unreachable') return fill(strings[unreachableKey] ?? unreachableKey, { url: error.url });
  if (error.kind === 'badUrl') return fill(strings['inspect.badUrl'] ?? 'inspect.badUrl', { url: error.url, example: endpointUrl(initialServerBase(), '/echo') });
  return fill(strings['inspect.lost'] ?? 'inspect.lost', { code: error.code, reason: error.reason ? `, “${error.reason}”` : '' });
}

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
