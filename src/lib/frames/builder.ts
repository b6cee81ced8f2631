// The frame builder's model: the reader's choices become bytes through the codec's encodeFrame; any bytes
// (built or pasted) are judged by the codec's decoder (judge.ts), so the lab explains real protocol errors.

import { encodeClosePayload } from '../protocol/closePayload.ts';
import { encodeFrame } from '../protocol/encoder.ts';
import { fromHex } from '../protocol/hex.ts';
import { message, type Message } from '../protocol/message.ts';
import { encodeUtf8 } from '../protocol/utf8.ts';

export type PayloadMode = 'text' | 'hex' | 'close';
export type Receiver = 'server' | 'client' | 'either';

export type BuilderInput = {
  fin: boolean;
  rsv: [boolean, boolean, boolean];
  opcode: number;
  mask: boolean;
  /** 8 hex digits (spaces allowed). */
  maskKey: string;
  payloadMode: PayloadMode;
  /** Text, or hex, depending on payloadMode. */
  payload: string;
  closeCode: string;
  closeReason: string;
  lengthBits: 'auto' | '16' | '64';
};

export type BuildResult = { bytes: Uint8Array; error: null } | { bytes: null; error: Message };

/** The RFC's own masking key from its §5.7 example, so a first build matches the lesson byte for byte. */
export const RFC_MASK_KEY = '37 fa 21 3d';

export const initialInput: BuilderInput = {
  fin: true,
  rsv: [false, false, false],
  opcode: 1,
  mask: true,
  maskKey: RFC_MASK_KEY,
  payloadMode: 'text',
  payload: 'Hello',
  closeCode: '1000',
  closeReason: 'bye',
  lengthBits: 'auto',
};

/** Largest payload the builder makes: enough for every length form, small enough to show. */
export const MAX_BUILD_PAYLOAD = 70_000;

function payloadBytes(input: BuilderInput): { bytes: Uint8Array } | { error: Message } {
  if (input.payloadMode === 'text') return { bytes: encodeUtf8(input.payload) };
  if (input.payloadMode === 'hex') return fromHex(input.payload);
  const codeText = input.closeCode.trim();
  if (codeText === '') {
    if (input.closeReason !== '') {
      return { error: message('protocol.build.reasonNeedsCode') };
    }
    return { bytes: new Uint8Array(0) };
  }
  const code = Number(codeText);
  if (!/^\d+$/.test(codeText) || code > 0xffff) {
    return { error: message('protocol.build.badCode') };
  }
  try {
    return { bytes: encodeClosePayload(code, input.closeReason) };
  } catch {
    return { error: message('protocol.build.reasonTooLong') };
  }
}

export function buildFrame(input: BuilderInput): BuildResult {
  const payload = payloadBytes(input);
  if ('error' in payload) return { bytes: null, error: payload.error };
  if (payload.bytes.length > MAX_BUILD_PAYLOAD) {
    return { bytes: null, error: message('protocol.build.tooBig', { max: MAX_BUILD_PAYLOAD }) };
  }
  let maskKey: Uint8Array | null = null;
  if (input.mask) {
    const key = fromHex(input.maskKey);
    if ('error' in key) return { bytes: null, error: key.error };
    if (key.bytes.length !== 4) {
      return { bytes: null, error: message('protocol.build.keyLength', { count: key.bytes.length }) };
    }
    maskKey = key.bytes;
  }
  const minimal = payload.bytes.length <= 125 ? 7 : payload.bytes.length <= 0xffff ? 16 : 64;
  const forced = input.lengthBits === 'auto' ? undefined : (Number(input.lengthBits) as 16 | 64);
  const lengthBits = forced !== undefined && forced > minimal ? forced : undefined;
  const bytes = encodeFrame({
    fin: input.fin,
    rsv: input.rsv,
    opcode: input.opcode,
    payload: payload.bytes,
    maskKey,
    lengthBits,
  });
  return { bytes, error: null };
}
