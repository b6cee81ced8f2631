// The readyState lab's reading of a connection: the transitions the model saw, when, and how each was noticed,
// plus the one transition no event announces and a fast poll can miss (CLOSING after the server's Close frame).
import type { LogEntry, ReadyState, Transition, TransitionSource } from '../connection/model.ts';

/** The arrows of the readyState machine, as "from-to". OPEN → CLOSED is a connection lost without a closing handshake. */
export const EDGES = ['0-1', '0-2', '0-3', '1-2', '1-3', '2-3'] as const;
export type Edge = (typeof EDGES)[number];

/** Why the state changed, as a key the view turns into words. */
export type Cause =
  | 'created' // new WebSocket(): CONNECTING from the start
  | 'opened' // the opening handshake succeeded
  | 'closeWhileConnecting' // close() before the handshake finished: the connection is failed
  | 'failed' // the connection could not be established
  | 'clientClose' // close() started the closing handshake
  | 'serverClose' // the server's Close frame arrived: no event, only polling sees it
  | 'closed' // the closing handshake finished and TCP is closed
  | 'lost' // TCP ended without a closing handshake (1006)
  | 'closedBetweenPolls'; // a clean close whose CLOSING lasted less than one poll

export type TimelineRow =
  | {
      kind: 'transition';
      from: ReadyState | null;
      to: ReadyState;
      t: number;
      /** Milliseconds since the previous row, null for the first. */
      delta: number | null;
      seenIn: TransitionSource;
      cause: Cause;
      edge: Edge | null;
    }
  | {
      /** CLOSING certainly happened (the close was clean, so a closing handshake ran) but no poll landed inside it. */
      kind: 'unseen';
      state: 2;
      after: number;
      before: number;
    };

function causeOf(tr: Transition, close: Extract<LogEntry, { kind: 'close' }> | undefined): Cause {
  if (tr.from === null) return 'created';
  if (tr.from === 0) return tr.to === 1 ? 'opened' : tr.to === 2 ? 'closeWhileConnecting' : 'failed';
  if (tr.from === 1 && tr.to === 2) return tr.seenIn === 'close()' ? 'clientClose' : 'serverClose';
  if (tr.from === 1 && tr.to === 3) return close?.wasClean ? 'closedBetweenPolls' : 'lost';
  return 'closed';
}

/** The close event of the latest connection in the log, if it came. */
export function latestClose(log: readonly LogEntry[]): Extract<LogEntry, { kind: 'close' }> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!;
    if (entry.kind === 'close') return entry;
    if (entry.kind === 'connect') return undefined;
  }
  return undefined;
}

export function buildTimeline(transitions: readonly Transition[], log: readonly LogEntry[]): TimelineRow[] {
  const close = latestClose(log);
  const rows: TimelineRow[] = [];
  let previous: number | null = null;
  for (const tr of transitions) {
    const cause = causeOf(tr, close);
    if (cause === 'closedBetweenPolls') rows.push({ kind: 'unseen', state: 2, after: previous ?? 0, before: tr.t });
    const edge = tr.from === null ? null : (`${tr.from}-${tr.to}` as Edge);
    rows.push({
      kind: 'transition',
      from: tr.from,
      to: tr.to,
      t: tr.t,
      delta: previous === null ? null : Math.round((tr.t - previous) * 10) / 10,
      seenIn: tr.seenIn,
      cause,
      edge: edge && (EDGES as readonly string[]).includes(edge) ? edge : null,
    });
    previous = tr.t;
  }
  return rows;
}

/**
 * The arrows to light for the latest change: a clean close seen only at CLOSED went through CLOSING. A close the
 * server started is lit whole (both arrows) whether or not a poll happened to land inside CLOSING, so the reader
 * sees the same picture either way; a close the page started lights only its last step, CLOSING having been
 * shown when close() returned.
 */
export function latestPath(rows: readonly TimelineRow[]): Edge[] {
  const last = rows.at(-1);
  if (!last || last.kind !== 'transition' || last.edge === null) return [];
  if (last.cause === 'closedBetweenPolls') return ['1-2', '2-3'];
  const before = rows.at(-2);
  if (last.edge === '2-3' && before?.kind === 'transition' && before.edge === '1-2' && before.cause === 'serverClose') return ['1-2', '2-3'];
  return [last.edge];
}
