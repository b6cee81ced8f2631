import { describe, expect, it } from 'vitest';
import { hex } from '../protocol/testing.ts';
import { toHex } from '../protocol/index.ts';
import { fieldHex, fieldSlug, layoutFrame } from './layout.ts';
import { asciiChar, unmaskSteps } from './unmask.ts';
import { summarizeFrame } from './summary.ts';
import { buildFrame, initialInput } from './builder.ts';
import { decodePastedHex, judge } from './judge.ts';
import { bilingual } from '../protocol/bilingual.ts';
import type { Message } from '../protocol/message.ts';

const en = (m: Message | null | undefined) => (m ? bilingual(m).en : undefined);
const vi = (m: Message | null | undefined) => (m ? bilingual(m).vi : undefined);

const segs = (text: string) =>
  layoutFrame(hex(text)).boxes.map((b) => [b.hex, b.kind, b.segments.map((s) => `${s.field}@${s.bitFrom}+${s.bitSpan}${s.first ? '*' : ''}`).join(' ')]);

describe('layoutFrame', () => {
  it('puts the RFC’s masked "Hello" into byte boxes with field segments', () => {
    expect(segs('81 85 37 fa 21 3d 7f 9f 4d 51 58')).toEqual([
      ['81', 'header', 'FIN@0+1* RSV1@1+1* RSV2@2+1* RSV3@3+1* opcode@4+4*'],
      ['85', 'header', 'MASK@0+1* payloadLength@1+7*'],
      ['37', 'header', 'maskingKey@0+8*'],
      ['fa', 'header', 'maskingKey@0+8'],
      ['21', 'header', 'maskingKey@0+8'],
      ['3d', 'header', 'maskingKey@0+8'],
      ['7f', 'payload', 'payload@0+8*'],
      ['9f', 'payload', 'payload@0+8'],
      ['4d', 'payload', 'payload@0+8'],
      ['51', 'payload', 'payload@0+8'],
      ['58', 'payload', 'payload@0+8'],
    ]);
  });

  it('limits the payload boxes and counts the rest', () => {
    const layout = layoutFrame(hex(`82 14 ${'00 '.repeat(20)}`), 4);
    expect([layout.payloadPresent, layout.payloadShown, layout.boxes.length]).toEqual([20, 4, 6]);
  });

  it('lays out a header that stops short without inventing bytes', () => {
    const layout = layoutFrame(hex('81 fe 00'));
    expect(layout.boxes.map((b) => b.hex)).toEqual(['81', 'fe', '00']);
    expect(layout.complete).toBe(false);
    expect(layout.payloadShown).toBe(0);
  });

  it('writes a field\'s bytes in hex as its boxes show them', () => {
    const layout = layoutFrame(hex('81 85 37 fa 21 3d 7f 9f 4d 51 58'));
    const key = layout.fields.find((f) => f.name === 'maskingKey')!;
    expect(fieldHex(layout, key)).toBe('37 fa 21 3d');
  });

  it('has a stable slug per field for deep links', () => {
    expect(['MASK', 'maskingKey', 'payloadLength', 'RSV2'].map((n) => fieldSlug(n as never))).toEqual([
      'mask',
      'masking-key',
      'payload-len',
      'rsv',
    ]);
  });
});

describe('unmaskSteps', () => {
  it('XORs each byte with key byte i mod 4, as RFC 6455 §5.3 says', () => {
    const steps = unmaskSteps(hex('7f 9f 4d 51 58'), hex('37 fa 21 3d'));
    expect(steps.map((s) => [s.keyIndex, s.wire, s.key, s.plain])).toEqual([
      [0, 0x7f, 0x37, 0x48],
      [1, 0x9f, 0xfa, 0x65],
      [2, 0x4d, 0x21, 0x6c],
      [3, 0x51, 0x3d, 0x6c],
      [0, 0x58, 0x37, 0x6f],
    ]);
    expect(steps.map((s) => asciiChar(s.plain)).join('')).toBe('Hello');
    expect(unmaskSteps(hex('00'.repeat(20)), hex('01 02 03 04'), 8)).toHaveLength(8);
  });
});

describe('summarizeFrame', () => {
  const base = { fin: true, rsv: [false, false, false] as const, text: null };
  it('previews text, bytes, close frames, pings and compressed frames', () => {
    expect(summarizeFrame({ ...base, opcode: 1, length: 5, payload: hex('48 65 6c 6c 6f'), text: 'Hello' }).preview).toEqual({
      kind: 'text',
      value: 'Hello',
    });
    expect(summarizeFrame({ ...base, opcode: 2, length: 3, payload: hex('01 02 03') }).preview).toEqual({ kind: 'hex', value: '01 02 03' });
    const close = summarizeFrame({ ...base, opcode: 8, length: 5, payload: hex('03 e8 62 79 65') });
    expect(close.close).toMatchObject({ code: 1000, reason: 'bye', info: { name: 'Normal Closure' }, problem: null });
    expect(close.preview).toEqual({ kind: 'close', value: '1000 “bye”' });
    expect(en(summarizeFrame({ ...base, opcode: 8, length: 2, payload: hex('03 ed') }).close?.problem)).toMatch(/1005/);
    expect(summarizeFrame({ ...base, opcode: 9, length: 2, payload: hex('68 69') }).preview).toEqual({ kind: 'text', value: 'hi' });
    expect(summarizeFrame({ ...base, opcode: 10, length: 0, payload: new Uint8Array(0) }).preview.kind).toBe('empty');
    const deflated = summarizeFrame({ ...base, rsv: [true, false, false], opcode: 1, length: 7, payload: hex('f2 48 cd c9 c9 07 00') });
    expect([deflated.compressed, deflated.preview.kind]).toEqual([true, 'compressed']);
  });

  it('says when the payload was cut short', () => {
    const s = summarizeFrame({ ...base, opcode: 2, length: 300, payload: new Uint8Array(256) });
    expect(s.truncated).toBe(true);
    expect(s.preview.value.endsWith('…')).toBe(true);
  });
});

describe('frame builder', () => {
  it('builds the RFC’s masked "Hello" from the initial choices', () => {
    const built = buildFrame(initialInput);
    expect(toHex(built.bytes!)).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
  });

  it('builds an unmasked frame, a close frame and a forced 16-bit length', () => {
    expect(toHex(buildFrame({ ...initialInput, mask: false }).bytes!)).toBe('81 05 48 65 6c 6c 6f');
    const close = buildFrame({ ...initialInput, opcode: 8, mask: false, payloadMode: 'close' });
    expect(toHex(close.bytes!)).toBe('88 05 03 e8 62 79 65');
    const wide = buildFrame({ ...initialInput, mask: false, lengthBits: '16' });
    expect(toHex(wide.bytes!)).toBe('81 7e 00 05 48 65 6c 6c 6f');
  });

  it('explains inputs it cannot build', () => {
    expect(en(buildFrame({ ...initialInput, maskKey: '37 fa' }).error)).toMatch(/4 bytes/);
    expect(en(buildFrame({ ...initialInput, payloadMode: 'hex', payload: 'xyz' }).error)).toMatch(/hex digit/);
    expect(en(buildFrame({ ...initialInput, payloadMode: 'close', closeCode: '', closeReason: 'x' }).error)).toMatch(/status code/);
    expect(en(buildFrame({ ...initialInput, payloadMode: 'close', closeReason: 'x'.repeat(124) }).error)).toMatch(/123 bytes/);
  });

  it('judges built bytes as a server or a client would', () => {
    const masked = buildFrame(initialInput).bytes!;
    expect(judge(masked, 'server').error).toBeNull();
    expect(judge(masked, 'client').error?.code).toBe('WS_ERR_UNEXPECTED_MASK');
    const reserved = buildFrame({ ...initialInput, opcode: 3 }).bytes!;
    expect(judge(reserved, 'either').error).toMatchObject({ code: 'WS_ERR_INVALID_OPCODE', closeCode: 1002, field: 'opcode' });
    const rsv1 = buildFrame({ ...initialInput, rsv: [true, false, false] }).bytes!;
    expect(judge(rsv1, 'server').error?.code).toBe('WS_ERR_UNEXPECTED_RSV_1');
    expect(judge(rsv1, 'server', true).error).toBeNull();
  });

  it('decodes pasted hex, or says what is wrong with it', () => {
    const hello = decodePastedHex('81 05 48 65 6c 6c 6f', 'client');
    expect(hello.result?.frames[0]).toMatchObject({ fin: true, opcode: 1, masked: false, length: 5, text: 'Hello' });
    expect(vi(decodePastedHex('83 00', 'either').result?.error?.message)).toMatch(/Opcode 0x3/);
    expect(decodePastedHex('81 05 48', 'either').result?.incomplete).toEqual({ state: 'payload', needed: 4 });
    expect(en(decodePastedHex('8g', 'either').hexError)).toMatch(/not a hex digit/);
  });
});

describe('detailFromBytes', () => {
  it('reads a frame as written, even one the decoder rejects', async () => {
    const { detailFromBytes } = await import('./detail.ts');
    const hello = detailFromBytes(hex('81 85 37 fa 21 3d 7f 9f 4d 51 58'))!;
    expect([hello.opcode, hello.fin, hello.length, hello.text, toHex(hello.maskKey!)]).toEqual([1, true, 5, 'Hello', '37 fa 21 3d']);
    expect(detailFromBytes(hex('83 00'))).toMatchObject({ opcode: 3, length: 0, text: null });
    expect(detailFromBytes(hex('81 fe 00'))).toBeNull();
    expect(detailFromBytes(hex('81 05 48 65'))).toMatchObject({ length: 5, text: null });
  });
});
