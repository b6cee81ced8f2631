// What the frame views say about a frame the tap recorded as refused (a record with `error`): the rule and
// the header field it broke, the codec's own explanation, the close code the rule calls for, and — for a
// client frame — the close the server actually answered with. The explanation is not stored in the record:
// it is the codec's, found again by decoding the recorded header with the options that give the same verdict.

import { decodeFrames } from '../protocol/decodeFrames.ts';
import type { FrameDecoderOptions } from '../protocol/decoder.ts';
import { isControlOpcode } from '../protocol/frame.ts';
import { describeHeader, HEADER_FIELD_INFO, type HeaderFieldName } from '../protocol/header.ts';
import type { Message } from '../protocol/message.ts';
import { fromHex } from '../protocol/hex.ts';
import type { FrameRecord } from './records.ts';

export type RefusalAnswer =
  /** The server's close frame, answering the refused client frame (code null: a close without a status). */
  | { kind: 'close'; code: number | null; reason: string }
  /** The server sent no close frame before the connection ended. */
  | { kind: 'none' };

export type Refusal = {
  /** The codec's error code, e.g. WS_ERR_INVALID_OPCODE. */
  code: string;
  /** The close code the rule calls for (1002, 1007 or 1009). */
  closeCode: number;
  /** The rule broken, e.g. 'RFC 6455 §5.2'. */
  rule: string;
  /** The header field at fault, for the bit diagram; null when the rule is not about one field. */
  field: HeaderFieldName | null;
  /** The codec's explanation in a language-free Message; null when the header alone cannot reproduce it. */
  message: Message | null;
  /** The connection ended inside this frame's header: how many header bytes came, of how many. */
  cut: { received: number; expected: number } | null;
  /** How the server answered a refused client frame; null for a server frame (or a record that does not say). */
  answer: RefusalAnswer | null;
};

/** Decoder options under which the codec reaches `code` from the header alone (frame-level rules only). */
function optionsFor(code: string, opcode: number): FrameDecoderOptions {
  const options: FrameDecoderOptions = { validate: false };
  if (code === 'WS_ERR_EXPECTED_MASK') options.expectMasked = true;
  if (code === 'WS_ERR_UNEXPECTED_MASK') options.expectMasked = false;
  // RSV1 on a control or continuation frame is refused even with permessage-deflate, with its own sentence.
  if (code === 'WS_ERR_UNEXPECTED_RSV_1') options.allowRsv1 = isControlOpcode(opcode) || opcode === 0;
  // Message-level rules the header alone shows (a continuation with no message open is judged as a fresh stream).
  if (code === 'WS_ERR_EXPECTED_FIN' || code === 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH' || code === 'WS_ERR_UNEXPECTED_CONTINUATION') {
    options.validate = true;
  }
  return options;
}

function isHeaderField(name: string | null): name is HeaderFieldName {
  return name !== null && Object.hasOwn(HEADER_FIELD_INFO, name);
}

/** What to say about a refused frame; null for a frame that broke no rule. */
export function refusalOf(frame: FrameRecord): Refusal | null {
  const error = frame.error;
  if (!error) return null;
  const parsed = fromHex(frame.headerHex);
  const header = 'bytes' in parsed ? parsed.bytes : new Uint8Array(0);

  const verdict = decodeFrames(header, optionsFor(error.code, frame.opcode)).error;
  const message = verdict && verdict.code === error.code ? verdict.message : null;

  // From two bytes on, the header announces its own length (2 + extended length + key).
  const expected = describeHeader(header).headerLength;
  const cut = header.length >= 2 && header.length < expected ? { received: header.length, expected } : null;

  let answer: RefusalAnswer | null = null;
  if (frame.dir === 'client' && frame.close !== undefined) {
    answer = frame.close === null ? { kind: 'none' } : { kind: 'close', code: frame.close.code, reason: frame.close.reason };
  }

  return {
    code: error.code,
    closeCode: error.closeCode,
    rule: error.rule,
    field: isHeaderField(error.field) ? error.field : null,
    message,
    cut,
    answer,
  };
}
