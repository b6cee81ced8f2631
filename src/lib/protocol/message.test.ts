import { describe, expect, it } from 'vitest';
import { explain, message } from './message.ts';
import { bilingual } from './bilingual.ts';
import { en } from './text.en.ts';
import { vi } from './text.vi.ts';
import { CLOSE_CODES, CLOSE_CODE_RANGES } from './closeCodes.ts';
import { HEADER_FIELD_INFO } from './header.ts';
import { opcodeInfo } from './opcodes.ts';

describe('the protocol text tables', () => {
  it('have the same keys in English and in Vietnamese', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(key.startsWith('protocol.'), key).toBe(true);
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(holes(vi[key]!), key).toEqual(holes(en[key]!));
  });

  it('have a sentence for every key the tables use', () => {
    const used = [
      ...CLOSE_CODES.map((c) => c.meaning),
      ...CLOSE_CODE_RANGES.map((r) => r.meaning),
      ...Object.values(HEADER_FIELD_INFO).map((f) => f.about),
      ...Array.from({ length: 16 }, (_, n) => [opcodeInfo(n)!.title, opcodeInfo(n)!.meaning]).flat(),
    ];
    for (const m of used) {
      expect(en[m.key], m.key).toBeDefined();
      expect(vi[m.key], m.key).toBeDefined();
    }
  });
});

describe('explain', () => {
  it('fills values, numbers the language’s way, nested messages and lower case', () => {
    const tooBig = message('protocol.error.tooBig', { length: 70000, max: 65536 });
    expect(explain(en, tooBig)).toContain('70,000 bytes, over this endpoint\'s limit of 65,536');
    expect(explain(vi, tooBig)).toContain('70.000 byte, vượt giới hạn 65.536 byte');
    const ping = message('protocol.error.fragmentedControl', { name: opcodeInfo(8)!.title });
    expect(bilingual(ping).en).toMatch(/^A close frame arrived/);
    expect(bilingual(ping).vi).toMatch(/^Một khung close \(đóng\) đến/);
  });

  it('shows an unknown key or value rather than nothing', () => {
    expect(explain(en, message('protocol.nope'))).toBe('protocol.nope');
    expect(explain(en, message('protocol.value.opcode', { hex: '0x1' }))).toBe('0x1: {name}.');
  });
});
