// Cross-instance inspect: a connection tapped on instance A, its inspector on instance B. B announces the
// sessions it inspects ("want"); A, holding that session, forwards its records (those waiting first) to
// B over the bus; B hands them to its inspector. A new session on A asks whether anyone inspects it
// ("have"), so either may come first. While the bus is down, records wait on A as they would for an
// absent inspector (bounded), and go out when B announces again after the bus is back.
import type { Bus } from '../bus.ts';
import type { SessionStore } from './sessions.ts';

export function linkSessions(store: SessionStore, bus: Bus): { wanted(id: string): void; unwanted(id: string): void } {
  /** Session id → the instance its records are forwarded to. */
  const targets = new Map<string, string>();

  bus.on('inspect-want', (message, from) => {
    const id = message.session;
    const session = typeof id === 'string' ? store.find(id) : undefined;
    if (!session || session.inspector) return;
    targets.set(id as string, from);
    session.forward = (record) => bus.publish({ kind: 'inspect-record', to: from, session: id, record });
    session.flush();
  });
  bus.on('inspect-gone', (message, from) => {
    const id = message.session;
    if (typeof id !== 'string' || targets.get(id) !== from) return;
    targets.delete(id);
    const session = store.find(id);
    if (session) session.forward = null;
  });
  bus.on('inspect-have', (message) => {
    const id = message.session;
    if (typeof id === 'string' && store.find(id)?.inspector) bus.publish({ kind: 'inspect-want', session: id });
  });
  bus.on('inspect-record', (message) => {
    if (message.to !== bus.id || typeof message.session !== 'string' || typeof message.record !== 'string') return;
    store.find(message.session)?.fromRemote(message.record);
  });
  store.onCreated = (id) => bus.publish({ kind: 'inspect-have', session: id });
  bus.onStatus.add((up) => {
    if (!up) return;
    for (const [id] of store.inspected()) bus.publish({ kind: 'inspect-want', session: id });
  });

  return {
    wanted: (id) => bus.publish({ kind: 'inspect-want', session: id }),
    unwanted: (id) => bus.publish({ kind: 'inspect-gone', session: id }),
  };
}
