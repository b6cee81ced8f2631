// What a frame carries, in a line for the frame list and in a few facts for its detail view: text, bytes,
// a close code with its reason, or "compressed". The meanings come from the codec's tables.

import type { CloseCodeInfo } from '../protocol/closeCodes.ts';
import { closeCodeInfo } from '../protocol/closeCodes.ts';
import { parseClosePayload } from '../protocol/parseClose.ts';
import { toHex } from '../protocol/hex.ts';
import type { Message } from '../protocol/message.ts';
import type { OpcodeInfo } from '../protocol/opcodes.ts';
import { opcodeInfo } from '../protocol/opcodes.ts';
import { decodeUtf8 } from '../protocol/utf8.ts';

export type FrameFacts = {
  opcode: number;
  fin: boolean;
  rsv: readonly [boolean, boolean, boolean];
  /** Declared payload length. */
  length: number;
  /** The unmasked payload as far as it is known (the inspector keeps the first 256 bytes). */
  payload: Uint8Array;
  /** Text of a text-message frame when known (the tap's, or decoded here); null otherwise. */
  text: string | null;
};

/** A frame as the detail view shows it: the facts plus the header bytes and the masking key. */
export type DetailFrame = FrameFacts & {
  header: Uint8Array;
  maskKey: Uint8Array | null;
  /** MASK as the header says, when it may disagree with maskKey (a header cut short before its key). */
  masked?: boolean;
  dir?: 'client' | 'server';
};

export type FrameSummary = {
  info: OpcodeInfo;
  control: boolean;
  /** RSV1 on a data frame: permessage-deflate compressed this message. */
  compressed: boolean;
  /** The payload holds fewer bytes than the length declares. */
  truncated: boolean;
  /** What the list shows after the opcode: a quoted text, hex bytes, a close code… */
  preview: { kind: 'text' | 'hex' | 'close' | 'empty' | 'compressed'; value: string };
  /** For close frames: the code (null when the payload is empty), its meaning and the reason. */
  close: { code: number | null; reason: string; info: CloseCodeInfo | null; problem: Message | null } | null;
};

const PREVIEW_CHARS = 40;
const PREVIEW_BYTES = 8;

export function clip(text: string, max = PREVIEW_CHARS): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

export function summarizeFrame(frame: FrameFacts): FrameSummary {
  const info = opcodeInfo(frame.opcode)!;
  const control = frame.opcode >= 8;
  const compressed = !control && frame.rsv[0];
  const truncated = frame.payload.length < frame.length;
  let close: FrameSummary['close'] = null;
  let preview: FrameSummary['preview'];

  if (frame.opcode === 8) {
    const parsed = parseClosePayload(frame.payload);
    const code = parsed.close.code;
    close = {
      code,
      reason: parsed.close.reason,
      info: code === null ? null : closeCodeInfo(code),
      problem: parsed.error ? parsed.error.message : null,
    };
    preview = { kind: 'close', value: code === null ? '' : `${code}${parsed.close.reason ? ` “${clip(parsed.close.reason)}”` : ''}` };
  } else if (frame.length === 0) {
    preview = { kind: 'empty', value: '' };
  } else if (compressed) {
    preview = { kind: 'compressed', value: toHex(frame.payload.subarray(0, PREVIEW_BYTES)) };
  } else if (frame.text !== null) {
    preview = { kind: 'text', value: clip(frame.text) };
  } else {
    // Ping and pong payloads are often text too; show them as text when they decode cleanly.
    const asText = frame.opcode >= 9 ? decodeUtf8(frame.payload) : null;
    preview =
      asText !== null && asText !== ''
        ? { kind: 'text', value: clip(asText) }
        : { kind: 'hex', value: toHex(frame.payload.subarray(0, PREVIEW_BYTES)) + (frame.payload.length > PREVIEW_BYTES || truncated ? ' …' : '') };
  }
  return { info, control, compressed, truncated, preview, close };
}
