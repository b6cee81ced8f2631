import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './hex.ts';
import { bilingual } from './bilingual.ts';
import type { Message } from './message.ts';

const errorOf = (result: { bytes: Uint8Array } | { error: Message }): Message => {
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
};

describe('toHex', () => {
  it('writes two lowercase digits per byte, separated by a space', () => {
    expect(toHex(new Uint8Array([0x81, 0x05, 0x0a, 0xff]))).toBe('81 05 0a ff');
  });

  it('takes another separator', () => {
    expect(toHex(new Uint8Array([0x81, 0x05]), '')).toBe('8105');
    expect(toHex(new Uint8Array([0x81, 0x05]), ':')).toBe('81:05');
    expect(toHex(new Uint8Array(0))).toBe('');
  });
});

describe('fromHex', () => {
  it.each([
    ['spaced', '81 05 48'],
    ['packed', '810548'],
    ['with 0x prefixes', '0x81 0x05 0x48'],
    ['as one 0x number', '0x810548'],
    ['with commas', '0x81, 0x05, 0x48'],
    ['over several lines', '81 05\n48\r\n'],
    ['with tabs and padding', '\t 81\t05 48  '],
  ])('reads hex written %s', (_name, text) => {
    expect(fromHex(text)).toEqual({ bytes: new Uint8Array([0x81, 0x05, 0x48]) });
  });

  it('reads uppercase and lowercase digits alike', () => {
    expect(fromHex('0A ff Fe 0XAb')).toEqual({ bytes: new Uint8Array([0x0a, 0xff, 0xfe, 0xab]) });
  });

  it('reads nothing as no bytes', () => {
    expect(fromHex('')).toEqual({ bytes: new Uint8Array(0) });
    expect(fromHex('  \n ')).toEqual({ bytes: new Uint8Array(0) });
  });

  it('reports an odd number of digits, in both languages', () => {
    expect(bilingual(errorOf(fromHex('81 0')))).toEqual({
      en: 'There are 3 hex digits, an odd number: every byte takes exactly two.',
      vi: 'Có 3 chữ số hex, là số lẻ: mỗi byte cần đúng hai chữ số.',
    });
  });

  it('reports a character that is not hex, and where it is', () => {
    const result = fromHex('81 0g');
    expect(bilingual(errorOf(result))).toEqual({
      en: '“g” is not a hex digit (in “0g”). Use 0–9 and a–f, optionally with spaces or 0x.',
      vi: '“g” không phải chữ số hex (trong “0g”). Hãy dùng 0–9 và a–f, có thể kèm dấu cách hoặc 0x.',
    });
  });

  it('does not accept 0x in the middle of a group', () => {
    expect('error' in fromHex('810x05')).toBe(true);
  });

  it('names a whole emoji, not half of it', () => {
    const result = fromHex('81 😀');
    expect(bilingual(errorOf(result)).en.startsWith('“😀”')).toBe(true);
  });
});
