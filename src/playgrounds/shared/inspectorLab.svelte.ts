import { onDestroy, onMount } from 'svelte';
import { fromStore } from 'svelte/store';
import { InspectorSession } from '../../lib/inspect/session.ts';
import { serverSetting } from './server.ts';

export type InspectorConnect = {
  protocols?: string[];
  /** The notice when the server field holds no valid server. */
  badServer: string;
  /** Runs once the server is known: the view clears what belonged to the last connection. A promise it returns
   *  (something the view needs to show the result) is waited for before Connect is offered again. */
  prepare?: () => Promise<unknown> | null | void;
};

/**
 * The view state the two inspector labs (handshake, frames) share around one InspectorSession: the
 * connection's and the inspection's snapshots, whether the island has hydrated, a notice for what stopped a
 * connect before the session could try, and whether a connect is under way. Made while the island
 * initialises, it disposes of the session when the island goes. The session stays the model; this only spares
 * each island the same wiring.
 */
export class InspectorLab {
  readonly session = new InspectorSession();
  readonly #connection = fromStore(this.session.connection);
  readonly #inspected = fromStore(this.session);
  /** The island is interactive (buttons stay disabled in the server-rendered HTML until then). */
  ready = $state(false);
  /** What the lab has to tell the reader outside the session's own error ('' for nothing). */
  notice = $state('');
  /** From Connect until the session (and whatever the view waits for with it) has answered. */
  connecting = $state(false);

  constructor() {
    onMount(() => {
      this.ready = true;
    });
    onDestroy(() => this.session.dispose());
  }

  get snap() {
    return this.#connection.current;
  }

  get inspect() {
    return this.#inspected.current;
  }

  /** Opens `path` on the chosen server through the inspector: whether it opened, or null when no server is chosen. */
  async connect(path: string, { protocols = [], badServer, prepare }: InspectorConnect): Promise<boolean | null> {
    this.notice = '';
    const base = serverSetting().snapshot.base;
    if (base === null) {
      this.notice = badServer;
      return null;
    }
    this.connecting = true;
    try {
      const waitFor = prepare?.();
      const ok = await this.session.connect(base, path, protocols);
      await waitFor;
      return ok;
    } finally {
      this.connecting = false;
    }
  }
}
