import { describe, expect, it } from 'vitest';
import { codeSpans, glossary, letterOf, sortKey } from './glossary.ts';
import { terms, type Term } from './terms.ts';

const term = (id: string, en: string, vi: string): Term => ({ id, en, vi, rejected: [], taught: 'frames#x', definition: { en: `${en}.`, vi: `${vi}.` } });

describe('the glossary', () => {
  it('lists every term of terms.json once in each language', () => {
    for (const lang of ['en', 'vi'] as const) {
      const ids = glossary(lang).flatMap((l) => l.entries.map((e) => e.id));
      expect(ids.toSorted()).toEqual(terms.map((t) => t.id).toSorted());
    }
  });

  it('sorts Vietnamese as a Vietnamese dictionary does: a < ă < â, d < đ, tone marks are not letters', () => {
    const sample = [term('1', 'x1', 'đề xuất'), term('2', 'x2', 'dữ liệu'), term('3', 'x3', 'ảnh'), term('4', 'x4', 'âm'), term('5', 'x5', 'ăn'), term('6', 'x6', 'ưu'), term('7', 'x7', 'ủ')];
    const vi = glossary('vi', sample);
    expect(vi.map((l) => l.letter)).toEqual(['A', 'Ă', 'Â', 'D', 'Đ', 'U', 'Ư']);
    expect(vi.flatMap((l) => l.entries.map((e) => e.term))).toEqual(['ảnh', 'ăn', 'âm', 'dữ liệu', 'đề xuất', 'ủ', 'ưu']);
  });

  it('files English terms by their first real word and shows the other language beside each', () => {
    const en = glossary('en', [term('a', '(a server) supports', 'hỗ trợ'), term('b', 'the naive loop', 'vòng lặp'), term('c', 'backpressure', 'backpressure')]);
    expect(en.map((l) => [l.letter, l.entries.map((e) => e.id)])).toEqual([['B', ['c']], ['N', ['b']], ['S', ['a']]]);
    expect(en[2]!.entries[0]).toMatchObject({ term: '(a server) supports', other: 'hỗ trợ', slug: 'frames', anchor: 'x' });
    expect(sortKey('The naive loop')).toBe('naive loop');
    expect(letterOf('ổn', 'vi')).toBe('Ô');
    expect(letterOf('élan', 'en')).toBe('E');
  });

  it('keeps every entry under its own letter, in order', () => {
    for (const lang of ['en', 'vi'] as const) {
      const letters = glossary(lang).map((l) => l.letter);
      expect(new Set(letters).size).toBe(letters.length);
    }
  });

  it('splits code spans out of a definition', () => {
    expect(codeSpans('read `code` and `reason`.')).toEqual([
      { code: false, text: 'read ' },
      { code: true, text: 'code' },
      { code: false, text: ' and ' },
      { code: true, text: 'reason' },
      { code: false, text: '.' },
    ]);
  });
});
