import { describe, expect, it } from 'vitest';
import { Utf8Validator, decodeUtf8, decodeUtf8Lossy, encodeUtf8, isValidUtf8 } from './utf8.ts';
import { hex } from './testing.ts';

describe('Utf8Validator', () => {
  const text = encodeUtf8('Tiếng Việt có dấu 😀 ✓');

  it('accepts valid text split at every position', () => {
    for (let at = 0; at <= text.length; at++) {
      const validator = new Utf8Validator();
      expect(validator.push(text.subarray(0, at))).toBe(true);
      expect(validator.push(text.subarray(at))).toBe(true);
      expect(validator.end()).toBe(true);
    }
  });

  it('accepts valid text fed one byte at a time', () => {
    const validator = new Utf8Validator();
    for (const byte of text) expect(validator.push(new Uint8Array([byte]))).toBe(true);
    expect(validator.end()).toBe(true);
  });

  it.each([
    ['the smallest 2-byte character, U+0080', 'c2 80'],
    ['the largest 3-byte character before the surrogates, U+D7FF', 'ed 9f bf'],
    ['the first character after the surrogates, U+E000', 'ee 80 80'],
    ['the smallest 4-byte character, U+10000', 'f0 90 80 80'],
    ['the last code point, U+10FFFF', 'f4 8f bf bf'],
    ['a byte-order mark', 'ef bb bf'],
  ])('accepts %s', (_name, bytes) => {
    expect(isValidUtf8(hex(bytes))).toBe(true);
  });

  it.each([
    ['an overlong 2-byte form (c1)', 'c1 bf', 0],
    ['an overlong 3-byte form', 'e0 9f bf', 1],
    ['an overlong 4-byte form', 'f0 8f bf bf', 1],
    ['a high surrogate', 'ed a0 80', 1],
    ['a low surrogate', 'ed bf bf', 1],
    ['a code point past U+10FFFF', 'f4 90 80 80', 1],
    ['a lead byte past F4', 'f5 80 80 80', 0],
    ['a continuation byte with no lead', '41 80', 1],
    ['a lead byte cut off by ASCII', 'e2 82 41', 2],
  ])('rejects %s at the first byte that cannot fit', (_name, bytes, position) => {
    const validator = new Utf8Validator();
    expect(validator.push(hex(bytes))).toBe(false);
    expect(validator.failedAt).toBe(position);
  });

  it('counts positions across pushes', () => {
    const validator = new Utf8Validator();
    expect(validator.push(hex('41 42 c3'))).toBe(true);
    expect(validator.inCharacter).toBe(true);
    expect(validator.push(hex('41'))).toBe(false);
    expect(validator.failedAt).toBe(3);
    expect(validator.push(hex('41'))).toBe(false); // stays failed
  });

  it('rejects a stream that ends inside a character, and resets after a good one', () => {
    const validator = new Utf8Validator();
    validator.push(hex('41 e2 82'));
    expect(validator.end()).toBe(false);
    expect(validator.failedAt).toBe(3);
    validator.reset();
    validator.push(hex('e2 82 ac'));
    expect(validator.end()).toBe(true);
    expect(validator.failedAt).toBeNull();
  });
});

describe('decoding', () => {
  it('decodes valid UTF-8 and keeps a byte-order mark', () => {
    expect(decodeUtf8(hex('ef bb bf 58 69 6e 20 63 68 c3 a0 6f'))).toBe('\ufeffXin chào');
  });

  it('returns null for invalid UTF-8, or U+FFFD when only showing it', () => {
    expect(decodeUtf8(hex('41 c3 28'))).toBeNull();
    expect(decodeUtf8Lossy(hex('41 c3 28'))).toBe('A\ufffd(');
  });
});
