import { describe, expect, it } from 'vitest';
import { parseLinkNotice, TICKER_NOTICES, tickerNotice } from './linkNotice.ts';

describe('link notices', () => {
  it('what the server sends is what the page reads back', () => {
    for (const code of ['local', 'shared'] as const) {
      expect(parseLinkNotice(tickerNotice(code))).toEqual({ type: 'notice', code, message: TICKER_NOTICES[code] });
    }
  });

  it('anything else is not a notice (a quote, another code, a missing message, not JSON)', () => {
    for (const data of [
      '{"type":"quote","seq":1,"t":1,"symbol":"A","price":1,"change":0}',
      '{"type":"notice","code":"other","message":"x"}',
      '{"type":"notice","code":"local"}',
      'not json',
      '[]',
      new ArrayBuffer(2),
    ]) {
      expect(parseLinkNotice(data)).toBeNull();
    }
  });
});
