import { describe, expect, it } from 'vitest';
import {
  checkCloseArguments,
  clampUnsignedShort,
  closeArguments,
  closeCallText,
  codeTableFor,
  dropUrl,
  FAULTS,
  faultUrl,
  isServerCloseCode,
  meaningOf,
  REASON_MAX_BYTES,
  serverCloseUrl,
  utf8Length,
  wideChars,
} from './closeLab.ts';
import { REASON_PRESETS } from './presets.ts';

describe('utf8Length and wideChars', () => {
  it('counts bytes, not characters: Vietnamese letters take 2 or 3 bytes', () => {
    expect(utf8Length('bye')).toBe(3);
    expect(utf8Length('đ')).toBe(2);
    expect(utf8Length('ế')).toBe(3);
    expect(utf8Length('Tạm biệt')).toBe(12);
    expect(utf8Length('👋')).toBe(4);
  });

  it('lists each multi-byte character once, with its bytes', () => {
    expect(wideChars('Tạm biệt, tạm biệt đi')).toEqual([
      { char: 'ạ', bytes: 3, hex: 'E1 BA A1' },
      { char: 'ệ', bytes: 3, hex: 'E1 BB 87' },
      { char: 'đ', bytes: 2, hex: 'C4 91' },
    ]);
    expect(wideChars('plain ascii')).toEqual([]);
    expect(wideChars('ăâêôơư', 3)).toHaveLength(3);
  });
});

describe('checkCloseArguments mirrors close()', () => {
  it('accepts no arguments, 1000 and 3000–4999', () => {
    expect(checkCloseArguments()).toEqual({ ok: true });
    for (const code of [1000, 3000, 3001, 4000, 4999]) expect(checkCloseArguments(code, 'ok')).toEqual({ ok: true });
  });

  it('throws InvalidAccessError for every other code, after WebIDL [Clamp]', () => {
    for (const code of [0, 999, 1001, 1005, 1006, 1015, 2999, 5000, 65535]) {
      expect(checkCloseArguments(code)).toEqual({ ok: false, name: 'InvalidAccessError', code });
    }
    expect(checkCloseArguments(66536)).toEqual({ ok: false, name: 'InvalidAccessError', code: 65535 });
    expect(checkCloseArguments(Number.NaN)).toEqual({ ok: false, name: 'InvalidAccessError', code: 0 });
    expect(checkCloseArguments(3000.4)).toEqual({ ok: true });
  });

  it('throws SyntaxError for a reason over 123 bytes, checked after the code', () => {
    expect(checkCloseArguments(1000, 'a'.repeat(123))).toEqual({ ok: true });
    expect(checkCloseArguments(1000, 'a'.repeat(124))).toEqual({ ok: false, name: 'SyntaxError', bytes: 124 });
    expect(checkCloseArguments(1000, 'ệ'.repeat(41))).toEqual({ ok: true });
    expect(checkCloseArguments(1000, 'ệ'.repeat(42))).toEqual({ ok: false, name: 'SyntaxError', bytes: 126 });
    expect(checkCloseArguments(1001, 'a'.repeat(200))).toMatchObject({ name: 'InvalidAccessError' });
  });

  it('clamps like WebIDL: NaN → 0, out of range → the bound, halves to even', () => {
    expect(clampUnsignedShort(-5)).toBe(0);
    expect(clampUnsignedShort(70000)).toBe(65535);
    expect(clampUnsignedShort(2.5)).toBe(2);
    expect(clampUnsignedShort(3.5)).toBe(4);
    expect(clampUnsignedShort(2999.6)).toBe(3000);
  });
});

describe('reason presets', () => {
  it('include a Vietnamese reason of exactly 123 bytes and one of 124', () => {
    const sizes = REASON_PRESETS.map((p) => utf8Length(p.text));
    expect(sizes).toContain(REASON_MAX_BYTES);
    expect(sizes).toContain(REASON_MAX_BYTES + 1);
    const long = REASON_PRESETS.find((p) => utf8Length(p.text) === 124)!;
    expect([...long.text].length).toBeLessThan(100); // far fewer characters than bytes: the point of the preset
  });
});

describe('URLs for the demo server', () => {
  const base = 'ws://localhost:8080';
  it('asks /close for a code, reason and delay, percent-encoding the reason', () => {
    expect(serverCloseUrl(base, { code: 4000, reason: 'Tạm biệt', after: 500 })).toBe(
      'ws://localhost:8080/close?code=4000&reason=T%E1%BA%A1m+bi%E1%BB%87t&after=500',
    );
    expect(serverCloseUrl(base, { code: 1000 })).toBe('ws://localhost:8080/close?code=1000');
  });
  it('drops and misbehaves', () => {
    expect(dropUrl(base)).toBe('ws://localhost:8080/close?drop=1');
    expect(dropUrl(base, 300)).toBe('ws://localhost:8080/close?drop=1&after=300');
    expect(faultUrl(base, 'bad-utf8')).toBe('ws://localhost:8080/misbehave?fault=bad-utf8');
  });
  it('knows which codes /close accepts', () => {
    for (const code of [1000, 1001, 1008, 1011, 3000, 4999]) expect(isServerCloseCode(code)).toBe(true);
    for (const code of [1002, 1005, 1006, 2999, 5000, 3000.5]) expect(isServerCloseCode(code)).toBe(false);
  });
  it('names the code the browser should send for each fault', () => {
    expect(FAULTS.find((f) => f.name === 'bad-utf8')?.sends).toBe(1007);
    expect(FAULTS.filter((f) => f.sends === 1002)).toHaveLength(4);
  });
});

describe('codeTableFor', () => {
  it('explains named codes and ranges in one language', () => {
    const vi = codeTableFor('vi');
    expect(meaningOf(vi, 1006)?.name).toBe('Abnormal Closure');
    expect(meaningOf(vi, 1006)?.text).toMatch(/wasClean là false/);
    expect(meaningOf(codeTableFor('en'), 4000)?.name).toBe('Private Use');
    expect(meaningOf(vi, 70000)).toBeNull();
  });
});

describe('the client close() call', () => {
  it('passes a code, and a reason only when there is one', () => {
    expect(closeArguments({ passCode: true, code: 4000, reason: 'bye' })).toEqual([4000, 'bye']);
    expect(closeArguments({ passCode: true, code: 1000, reason: '' })).toEqual([1000]);
    expect(closeArguments({ passCode: false, code: 4000, reason: 'bye' })).toEqual([]);
  });

  it('writes the call as source', () => {
    expect(closeCallText({ passCode: true, code: 4000, reason: 'Tạm biệt "bạn"' })).toBe('close(4000, "Tạm biệt \\"bạn\\"")');
    expect(closeCallText({ passCode: true, code: 1000, reason: '' })).toBe('close(1000)');
    expect(closeCallText({ passCode: false, code: 1000, reason: 'x' })).toBe('close()');
  });
});
