import { describe, expect, it } from 'vitest';
import { en } from '../protocol/text.en.ts';
import { vi } from '../protocol/text.vi.ts';
import { explain } from '../protocol/message.ts';
import { refusalOf } from './refusal.ts';
import { clientHello as base, cutHeader, opcodeError } from './testing.ts';

describe('refusalOf', () => {
  it('says nothing about a frame that broke no rule', () => {
    expect(refusalOf(base)).toBeNull();
  });

  it('a reserved opcode from the client: the codec’s own sentence, the field, the rule’s code and the server’s close', () => {
    const r = refusalOf({ ...base, opcode: 3, headerHex: '838537fa213d', text: null, error: opcodeError, close: { code: 1002, reason: '' } });
    expect(r).toMatchObject({
      code: 'WS_ERR_INVALID_OPCODE',
      closeCode: 1002,
      rule: 'RFC 6455 §5.2',
      field: 'opcode',
      cut: null,
      answer: { kind: 'close', code: 1002, reason: '' },
    });
    expect(explain(en, r!.message!)).toBe('Opcode 0x3 is reserved for future data frames, and no negotiated extension defines it.');
    expect(explain(vi, r!.message!)).toContain('Opcode 0x3 được dành riêng');
  });

  it('a server frame from /misbehave: no answer to report (the browser fails the connection itself)', () => {
    const r = refusalOf({ ...base, dir: 'server', opcode: 3, masked: false, maskKey: null, headerHex: '8305', text: null, error: opcodeError });
    expect(r).toMatchObject({ field: 'opcode', answer: null, cut: null });
    expect(r!.message).not.toBeNull();
  });

  it('a client that sent no close: the record’s close null means the server sent none', () => {
    const r = refusalOf({ ...base, opcode: 3, headerHex: '838537fa213d', error: opcodeError, close: null });
    expect(r!.answer).toEqual({ kind: 'none' });
  });

  it('an unmasked client frame: explained as the missing mask, MASK at fault', () => {
    const r = refusalOf({
      ...base,
      masked: false,
      maskKey: null,
      headerHex: '8105',
      error: { code: 'WS_ERR_EXPECTED_MASK', closeCode: 1002, rule: 'RFC 6455 §5.1', field: 'MASK' },
      close: { code: 1002, reason: '' },
    });
    expect(r!.field).toBe('MASK');
    expect(explain(en, r!.message!)).toContain('not masked (MASK = 0)');
  });

  it('RSV1 on a ping is the misplaced “compressed” bit, on a text frame the reserved bit', () => {
    const rsv1 = { code: 'WS_ERR_UNEXPECTED_RSV_1', closeCode: 1002, rule: 'RFC 6455 §5.2', field: 'RSV1' };
    const ping = refusalOf({ ...base, opcode: 9, rsv: [true, false, false], headerHex: 'c98537fa213d', error: rsv1, close: null });
    expect(explain(en, ping!.message!)).toContain('control frame');
    const text = refusalOf({ ...base, rsv: [true, false, false], headerHex: 'c18537fa213d', error: rsv1, close: null });
    expect(explain(en, text!.message!)).toContain('RSV1 is set');
  });

  it('a too-big message: the header alone cannot say the server’s limit, so no sentence (the view says what 1009 means)', () => {
    const header = `82ff${(100_000).toString(16).padStart(16, '0')}37fa213d`;
    const r = refusalOf({
      ...base,
      opcode: 2,
      length: 100_000,
      headerHex: header,
      text: null,
      error: { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', closeCode: 1009, rule: 'RFC 6455 §7.4.1', field: 'extendedPayloadLength64' },
      close: { code: 1009, reason: '' },
    });
    expect(r).toMatchObject({ closeCode: 1009, field: 'extendedPayloadLength64', message: null, cut: null, answer: { kind: 'close', code: 1009 } });
  });

  it('a header cut short (the connection ended inside it) is said, and still explained', () => {
    const r = refusalOf(cutHeader);
    expect(r!.cut).toEqual({ received: 2, expected: 6 });
    expect(explain(en, r!.message!)).toContain('0xB is reserved for future control frames');
  });

  it('an unknown field name or a verdict the codec does not reach leaves field and message empty', () => {
    const r = refusalOf({ ...base, error: { code: 'WS_ERR_SOMETHING_NEW', closeCode: 1002, rule: 'RFC 6455', field: 'nonsense' } });
    expect(r).toMatchObject({ field: null, message: null, answer: null });
  });
});
