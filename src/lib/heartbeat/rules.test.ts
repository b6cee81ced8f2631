import { describe, expect, test } from 'vitest';
import { Beat, missedReason, pongFor, readPong } from './rules.ts';

describe('readPong', () => {
  test('reads the number of the ping a pong answers', () => {
    expect(readPong(pongFor(7))).toEqual({ n: 7 });
    expect(readPong('{"n":2,"type":"pong","extra":true}')).toEqual({ n: 2 });
  });

  test.each([
    ['not json', 'expected JSON: {"type":"pong","n":N}'],
    ['null', 'expected {"type":"pong","n":N}'],
    ['{"type":"ping","n":1}', 'expected {"type":"pong","n":N}'],
    ['{"type":"pong"}', 'expected "n" to be the number of the ping being answered'],
    ['{"type":"pong","n":"1"}', 'expected "n" to be the number of the ping being answered'],
    ['{"type":"pong","n":0}', 'expected "n" to be the number of the ping being answered'],
    ['{"type":"pong","n":1.5}', 'expected "n" to be the number of the ping being answered'],
  ])('%s is refused: %s', (text, problem) => {
    expect(readPong(text)).toEqual({ problem });
  });
});

test('the close reason names the ping and fits a close frame', () => {
  const reason = missedReason(123456789, 10_000);
  expect(reason).toBe('no pong for ping 123456789 within 10000 ms');
  expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(123);
});

describe('Beat', () => {
  test('pings, waits for the pong to the latest ping, and closes 4000 when it did not come', () => {
    const beat = new Beat();
    expect(beat.due(1000)).toEqual({ ping: 1 });
    expect(beat.answer(null)).toBe('expected a text message: {"type":"pong","n":N}');
    expect(beat.answer('{"type":"pong","n":1}')).toBeNull();
    expect(beat.due(1000)).toEqual({ ping: 2 });
    // A late answer to ping 1 does not answer ping 2.
    expect(beat.answer('{"type":"pong","n":1}')).toBeNull();
    expect(beat.due(1000)).toEqual({ close: 4000, reason: 'no pong for ping 2 within 1000 ms' });
  });
});
