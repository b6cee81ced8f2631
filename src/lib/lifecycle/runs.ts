// Splitting a model's log into connection attempts ("runs"), and reading what the page saw in each:
// the error lab compares runs, the events lab checks the order the standard promises, the close and
// extension labs read how the latest attempt opened and closed.
import type { LogEntry } from '../connection/model.ts';

export type Run = readonly LogEntry[];

/** The log cut at each `new WebSocket()`; entries before the first connect are dropped. */
export function splitRuns(log: readonly LogEntry[]): Run[] {
  const runs: LogEntry[][] = [];
  for (const entry of log) {
    if (entry.kind === 'connect') runs.push([entry]);
    else runs.at(-1)?.push(entry);
  }
  return runs;
}

export function latestRun(log: readonly LogEntry[]): Run {
  return splitRuns(log).at(-1) ?? [];
}

/** What a page can learn from one attempt — which is all the error lab can show. */
export type Outcome =
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'threw'; name: string; message: string }
  | { kind: 'failed'; error: boolean; code: number; reason: string; wasClean: boolean; t: number }
  | { kind: 'opened'; closed: { code: number; wasClean: boolean } | null };

export function outcomeOf(run: Run): Outcome {
  if (run.length === 0) return { kind: 'none' };
  const thrown = run.find((e) => e.kind === 'exception' && e.call === 'constructor');
  if (thrown && thrown.kind === 'exception') return { kind: 'threw', name: thrown.name, message: thrown.message };
  const opened = run.some((e) => e.kind === 'open');
  const close = run.find((e) => e.kind === 'close');
  if (opened) return { kind: 'opened', closed: close && close.kind === 'close' ? { code: close.code, wasClean: close.wasClean } : null };
  if (close && close.kind === 'close') {
    return { kind: 'failed', error: run.some((e) => e.kind === 'error'), code: close.code, reason: close.reason, wasClean: close.wasClean, t: close.t };
  }
  return { kind: 'pending' };
}

/** What the open event said the server agreed to (the subprotocol and extensions), or null when it never opened. */
export function openedWith(run: Run): { protocol: string; extensions: string } | null {
  const open = run.find((e) => e.kind === 'open');
  return open && open.kind === 'open' ? { protocol: open.protocol, extensions: open.extensions } : null;
}

/** How the run's connection closed, and whether an error event came before the close; null until it has. */
export function closeOf(run: Run): { code: number; reason: string; wasClean: boolean; sawError: boolean } | null {
  const at = run.findIndex((e) => e.kind === 'close');
  const close = run[at];
  if (!close || close.kind !== 'close') return null;
  return { code: close.code, reason: close.reason, wasClean: close.wasClean, sawError: run.slice(0, at).some((e) => e.kind === 'error') };
}

/** The events (not the page's own calls) of a run, in order: the sequence the events lesson is about. */
export function eventsOf(run: Run): LogEntry[] {
  return run.filter((e) => e.kind === 'open' || e.kind === 'message' || e.kind === 'error' || e.kind === 'close');
}

export type OrderRule = 'openBeforeMessage' | 'errorThenClose' | 'nothingAfterClose' | 'closeOnce';
export const ORDER_RULES: readonly OrderRule[] = ['openBeforeMessage', 'errorThenClose', 'nothingAfterClose', 'closeOnce'];
/** How often a rule was put to the test in this log, and how often it was broken (never, in a conforming browser). */
export type RuleTally = { rule: OrderRule; tested: number; broken: number };

export function checkOrder(log: readonly LogEntry[]): RuleTally[] {
  const tally = new Map<OrderRule, RuleTally>(ORDER_RULES.map((rule) => [rule, { rule, tested: 0, broken: 0 }]));
  const note = (rule: OrderRule, ok: boolean) => {
    const t = tally.get(rule)!;
    t.tested++;
    if (!ok) t.broken++;
  };
  for (const run of splitRuns(log)) {
    const events = eventsOf(run);
    let opened = false;
    let closes = 0;
    events.forEach((event, i) => {
      if (event.kind === 'open') opened = true;
      if (event.kind === 'message') note('openBeforeMessage', opened);
      if (event.kind === 'error') note('errorThenClose', events[i + 1]?.kind === 'close');
      if (event.kind === 'close') {
        closes++;
        note('nothingAfterClose', i === events.length - 1);
      }
    });
    if (closes > 0) note('closeOnce', closes === 1);
  }
  return [...tally.values()];
}
