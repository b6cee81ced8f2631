import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, CLOSE_CODE_RANGES, canSendFromBrowser, closeCodeInfo, isValidCloseCode } from './closeCodes.ts';
import { OPCODES, opcodeInfo } from './opcodes.ts';
import { bilingual } from './bilingual.ts';

const VIETNAMESE_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('close codes (RFC 6455 §7.4)', () => {
  it('lists every code of §7.4.1 and the registered 1012–1014', () => {
    expect(CLOSE_CODES.map((c) => c.code)).toEqual([
      1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015,
    ]);
    expect(closeCodeInfo(1000)?.name).toBe('Normal Closure');
    expect(closeCodeInfo(1006)?.name).toBe('Abnormal Closure');
  });

  it('keeps 1004, 1005, 1006 and 1015 off the wire', () => {
    expect(CLOSE_CODES.filter((c) => !c.onWire).map((c) => c.code)).toEqual([1004, 1005, 1006, 1015]);
  });

  it('covers the 3000–3999 and 4000–4999 ranges', () => {
    expect(closeCodeInfo(3000)).toMatchObject({
      code: 3000,
      name: 'Registered',
      onWire: true,
      canSendFromBrowser: true,
    });
    expect(closeCodeInfo(4999)).toMatchObject({
      code: 4999,
      name: 'Private Use',
      onWire: true,
      canSendFromBrowser: true,
    });
    expect(CLOSE_CODE_RANGES.map((r) => [r.from, r.to])).toEqual([
      [0, 999],
      [1000, 2999],
      [3000, 3999],
      [4000, 4999],
      [5000, 65535],
    ]);
    expect(closeCodeInfo(-1)).toBeNull();
    expect(closeCodeInfo(65536)).toBeNull();
    expect(closeCodeInfo(1000.5)).toBeNull();
  });

  it('says which codes may be sent: 1000–1003, 1007–1014, 3000–4999', () => {
    const valid: number[] = [];
    for (let code = 0; code <= 65535; code++) if (isValidCloseCode(code)) valid.push(code);
    const expected = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014];
    for (let code = 3000; code <= 4999; code++) expected.push(code);
    expect(valid).toEqual(expected);
  });

  it('says which codes a page may pass to close(): 1000 and 3000–4999', () => {
    expect([1000, 1001, 1002, 1011, 2999, 3000, 4999, 5000].map(canSendFromBrowser)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('explains every code and range in both languages', () => {
    for (const entry of [...CLOSE_CODES, ...CLOSE_CODE_RANGES]) {
      const meaning = bilingual(entry.meaning);
      expect(meaning.vi).toMatch(VIETNAMESE_LETTERS);
      expect(meaning.en).not.toBe(meaning.vi);
    }
    expect(bilingual(closeCodeInfo(1006)!.meaning).vi).toContain('wasClean');
  });
});

describe('opcodes (RFC 6455 §5.2)', () => {
  it('describes all sixteen values, six of them defined', () => {
    const all = Array.from({ length: 16 }, (_, opcode) => opcodeInfo(opcode));
    expect(all.filter((o) => !o?.reserved).map((o) => [o?.opcode, o?.name])).toEqual([
      [0, 'Continuation'],
      [1, 'Text'],
      [2, 'Binary'],
      [8, 'Close'],
      [9, 'Ping'],
      [10, 'Pong'],
    ]);
    expect(all.filter((o) => o?.reserved).map((o) => o?.opcode)).toEqual([3, 4, 5, 6, 7, 11, 12, 13, 14, 15]);
    expect(all.map((o) => (o?.kind === 'control' ? 1 : 0)).join('')).toBe('0000000011111111');
    expect(opcodeInfo(0xb)?.name).toBe('Reserved (0xB)');
    expect(opcodeInfo(16)).toBeNull();
  });

  it('explains every opcode in both languages', () => {
    for (const entry of [...OPCODES, opcodeInfo(3)!, opcodeInfo(0xb)!]) {
      const meaning = bilingual(entry.meaning);
      expect(meaning.vi).toMatch(VIETNAMESE_LETTERS);
      expect(meaning.en).not.toBe(meaning.vi);
    }
  });
});
