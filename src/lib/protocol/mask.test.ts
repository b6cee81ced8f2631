import { describe, expect, it } from 'vitest';
import { applyMask, randomMaskKey } from './mask.ts';
import { toHex } from './hex.ts';
import { hex } from './testing.ts';

const KEY = hex('37 fa 21 3d');

describe('applyMask (RFC 6455 §5.3)', () => {
  it('masks "Hello" with the RFC’s key into the RFC’s bytes', () => {
    expect(toHex(applyMask(hex('48 65 6c 6c 6f'), KEY))).toBe('7f 9f 4d 51 58');
  });

  it('unmasks with the same operation', () => {
    expect(toHex(applyMask(hex('7f 9f 4d 51 58'), KEY))).toBe('48 65 6c 6c 6f');
  });

  it('continues the key from an offset, for a payload that arrives in pieces', () => {
    const whole = applyMask(hex('48 65 6c 6c 6f'), KEY);
    const tail = applyMask(hex('6c 6f'), KEY, 3);
    expect(toHex(tail)).toBe(toHex(whole.subarray(3)));
  });

  it('returns a new array and leaves its input alone', () => {
    const data = hex('48 65 6c 6c 6f');
    const masked = applyMask(data, KEY);
    expect(masked).not.toBe(data);
    expect(toHex(data)).toBe('48 65 6c 6c 6f');
  });

  it('refuses a key that is not 4 bytes', () => {
    expect(() => applyMask(hex('00'), hex('01 02'))).toThrow(RangeError);
  });
});

describe('randomMaskKey', () => {
  it('makes 4 bytes, fresh each time', () => {
    const keys = Array.from({ length: 8 }, () => toHex(randomMaskKey()));
    expect(keys.every((key) => key.length === 11)).toBe(true);
    expect(new Set(keys).size).toBeGreaterThan(1);
  });
});
