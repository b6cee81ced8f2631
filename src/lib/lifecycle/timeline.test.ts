import { describe, expect, it } from 'vitest';
import type { LogEntry, Transition } from '../connection/model.ts';
import { buildTimeline, latestPath } from './timeline.ts';

const tr = (from: Transition['from'], to: Transition['to'], t: number, seenIn: Transition['seenIn']): Transition => ({ from, to, t, seenIn });
const connect: LogEntry = { id: 1, t: 0, kind: 'connect', url: 'ws://h/echo', protocols: [] };
const closeEvent = (code: number, wasClean: boolean): LogEntry => ({ id: 9, t: 0, kind: 'close', code, reason: '', wasClean });

describe('buildTimeline', () => {
  it('explains a client close: CLOSING right after close(), CLOSED at the close event', () => {
    const rows = buildTimeline(
      [tr(null, 0, 0, 'constructor'), tr(0, 1, 12.5, 'open'), tr(1, 2, 40, 'close()'), tr(2, 3, 47.2, 'close')],
      [connect, closeEvent(1000, true)],
    );
    expect(rows.map((r) => r.kind === 'transition' && [r.edge, r.cause, r.delta])).toEqual([
      [null, 'created', null],
      ['0-1', 'opened', 12.5],
      ['1-2', 'clientClose', 27.5],
      ['2-3', 'closed', 7.2],
    ]);
    expect(latestPath(rows)).toEqual(['2-3']);
  });

  it('attributes a CLOSING seen by the poll to the server', () => {
    const rows = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 1, 5, 'open'), tr(1, 2, 1005, 'poll')], [connect]);
    expect(rows.at(-1)).toMatchObject({ edge: '1-2', cause: 'serverClose', seenIn: 'poll' });
  });

  it('lights the whole closing handshake the server started, whether or not a poll caught CLOSING', () => {
    const rows = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 1, 5, 'open'), tr(1, 2, 1005, 'poll'), tr(2, 3, 1007, 'close')], [connect, closeEvent(1000, true)]);
    expect(latestPath(rows)).toEqual(['1-2', '2-3']);
  });

  it('adds the CLOSING no poll caught when a clean close is first seen at CLOSED', () => {
    const rows = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 1, 5, 'open'), tr(1, 3, 1005.3, 'close')], [connect, closeEvent(1000, true)]);
    expect(rows.slice(-2)).toEqual([
      { kind: 'unseen', state: 2, after: 5, before: 1005.3 },
      expect.objectContaining({ kind: 'transition', edge: '1-3', cause: 'closedBetweenPolls' }),
    ]);
    expect(latestPath(rows)).toEqual(['1-2', '2-3']);
  });

  it('reads OPEN → CLOSED with wasClean false as a lost connection, without inventing CLOSING', () => {
    const rows = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 1, 5, 'open'), tr(1, 3, 1005, 'close')], [connect, closeEvent(1006, false)]);
    expect(rows.some((r) => r.kind === 'unseen')).toBe(false);
    expect(rows.at(-1)).toMatchObject({ edge: '1-3', cause: 'lost' });
  });

  it('explains failures before OPEN', () => {
    const failed = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 3, 2, 'error')], [connect, closeEvent(1006, false)]);
    expect(failed.at(-1)).toMatchObject({ edge: '0-3', cause: 'failed', seenIn: 'error' });
    const aborted = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 2, 0.1, 'close()'), tr(2, 3, 3, 'error')], [connect]);
    expect(aborted.map((r) => r.kind === 'transition' && r.cause)).toEqual(['created', 'closeWhileConnecting', 'closed']);
  });

  it('ignores a close event from an earlier connection', () => {
    const rows = buildTimeline([tr(null, 0, 0, 'constructor'), tr(0, 1, 5, 'open'), tr(1, 3, 9, 'close')], [closeEvent(1000, true), connect]);
    expect(rows.at(-1)).toMatchObject({ cause: 'lost' });
  });
});
