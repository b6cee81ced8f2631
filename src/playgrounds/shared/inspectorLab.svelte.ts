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
 * The wiring the two inspector labs (handshake, frames) share around one InspectorSession: the connection's
 * and the inspection's snapshots (`connection.current`, `inspected.current`), and `view`: whether the island
 * has hydrated, a notice for what stopped a connect before the session could try, and whether a connect is
 * under way. Call it while the island initialises: the session is disposed of when the island goes. The
 * session stays the model; this only spares each island the same wiring. (A function rather than a class:
 * lab pages' own JavaScript is budgeted, and a class's state accessors cost more bytes.)
 */
export function inspectorLab() {
  const session = new InspectorSession();
  const view = $state({ ready: false, notice: '', connecting: false });
  onMount(() => {
    view.ready = true;
  });
  onDestroy(() => session.dispose());

  /** Opens `path` on the chosen server through the inspector: whether it opened, or null when no server is chosen. */
  async function connect(path: string, { protocols = [], badServer, prepare }: InspectorConnect): Promise<boolean | null> {
    view.notice = '';
    const base = serverSetting().snapshot.base;
    if (base === null) {
      view.notice = badServer;
      return null;
    }
    view.connecting = true;
    try {
      const waitFor = prepare?.();
      const ok = await session.connect(base, path, protocols);
      await waitFor;
      return ok;
    } finally {
      view.connecting = false;
    }
  }

  return { session, connection: fromStore(session.connection), inspected: fromStore(session), view, connect };
}
