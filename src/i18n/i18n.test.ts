import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };
import { fill } from './format.ts';
import { missingKeys, pick, t } from './index.ts';

describe('UI strings', () => {
  it('has the same keys in English and Vietnamese', () => {
    expect(missingKeys(en, vi)).toEqual([]);
  });

  it('reports a key missing from either side', () => {
    expect(missingKeys({ a: '1', b: '2' }, { a: '1' })).toEqual(['b']);
    expect(missingKeys({ a: '1' }, { a: '1', c: '3' })).toEqual(['c']);
    expect(missingKeys({ a: '1' }, { a: '' })).toEqual(['a']);
  });

  it('uses the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(holes(vi[key]), key).toEqual(holes(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('Hi {name}, {missing}', { name: 'An' })).toBe('Hi An, {missing}');
    expect(t('vi', 'lab.field.binary', { bytes: 5 })).toBe('nhị phân, 5 byte');
  });

  it('writes {n:n} the language\'s way and {name:lower} in lower case', () => {
    expect(fill('{n:n} bytes', { n: 65536 }, 'en')).toBe('65,536 bytes');
    expect(fill('{n:n} byte', { n: 65536 }, 'vi')).toBe('65.536 byte');
    expect(fill('a {name:lower} frame', { name: 'Ping' })).toBe('a ping frame');
    expect(fill('{n} as is', { n: 65536 }, 'vi')).toBe('65536 as is');
  });

  it('picks only the keys under a prefix', () => {
    const strings = pick('en', 'lab.state.');
    expect(strings['lab.state.1']).toBe('OPEN');
    expect(Object.keys(strings).every((k) => k.startsWith('lab.state.'))).toBe(true);
  });
});
