import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../connection/model.ts';
import { checkOrder, closeOf, latestRun, openedWith, outcomeOf, splitRuns } from './runs.ts';

let id = 0;
const at = (t: number, entry: Record<string, unknown>) => ({ id: ++id, t, ...entry }) as LogEntry;
const connect = (t = 0) => at(t, { kind: 'connect', url: 'ws://h/x', protocols: [] });
const open = (t: number) => at(t, { kind: 'open', protocol: '', extensions: '' });
const message = (t: number) => at(t, { kind: 'message', data: { type: 'text', text: 'hi' }, origin: 'ws://h' });
const error = (t: number) => at(t, { kind: 'error' });
const close = (t: number, code = 1006, wasClean = false) => at(t, { kind: 'close', code, reason: '', wasClean });

describe('runs', () => {
  it('splits the log at each new WebSocket()', () => {
    const log = [connect(), error(2), close(2), connect(10), open(12)];
    expect(splitRuns(log).map((r) => r.length)).toEqual([3, 2]);
    expect(latestRun(log).map((e) => e.kind)).toEqual(['connect', 'open']);
  });

  it('reads a refused connection as error then close 1006, never opened', () => {
    expect(outcomeOf([connect(), error(1.7), close(1.8)])).toEqual({ kind: 'failed', error: true, code: 1006, reason: '', wasClean: false, t: 1.8 });
    expect(outcomeOf([connect(), error(1.7)])).toEqual({ kind: 'pending' });
    expect(outcomeOf([])).toEqual({ kind: 'none' });
  });

  it('reads a constructor exception as thrown, with no events', () => {
    const run = [connect(), at(0, { kind: 'exception', call: 'constructor', name: 'SyntaxError', message: "The URL's scheme must be…" })];
    expect(outcomeOf(run)).toMatchObject({ kind: 'threw', name: 'SyntaxError' });
  });

  it('reads an http:// URL that opened as opened, then how it closed', () => {
    expect(outcomeOf([connect(), open(5), close(9, 1000, true)])).toEqual({ kind: 'opened', closed: { code: 1000, wasClean: true } });
  });
});

describe('checkOrder', () => {
  it('counts each promise the browser kept', () => {
    const log = [connect(), open(1), message(2), close(3, 1000, true), connect(10), error(11), close(11)];
    const byRule = Object.fromEntries(checkOrder(log).map((r) => [r.rule, [r.tested, r.broken]]));
    expect(byRule).toEqual({ openBeforeMessage: [1, 0], errorThenClose: [1, 0], nothingAfterClose: [2, 0], closeOnce: [2, 0] });
  });

  it('notices a broken promise (so the check can fail)', () => {
    const log = [connect(), message(1), open(2), error(3), message(4), close(5), message(6)];
    const broken = Object.fromEntries(checkOrder(log).map((r) => [r.rule, r.broken]));
    expect(broken).toEqual({ openBeforeMessage: 1, errorThenClose: 1, nothingAfterClose: 1, closeOnce: 0 });
  });
});

describe('how the latest attempt opened and closed', () => {
  it('reads what the open event agreed to, or null when it never opened', () => {
    const agreed = at(5, { kind: 'open', protocol: 'json', extensions: 'permessage-deflate' });
    expect(openedWith([connect(), agreed, close(9, 1000, true)])).toEqual({ protocol: 'json', extensions: 'permessage-deflate' });
    expect(openedWith([connect(), error(2), close(2)])).toBeNull();
  });

  it('reads the close event and whether an error came before it', () => {
    expect(closeOf([connect(), error(2), close(2)])).toEqual({ code: 1006, reason: '', wasClean: false, sawError: true });
    expect(closeOf([connect(), open(1), close(9, 1000, true), error(10)])).toEqual({ code: 1000, reason: '', wasClean: true, sawError: false });
    expect(closeOf([connect(), open(1)])).toBeNull();
  });
});
