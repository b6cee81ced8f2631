// Everything the decoder can reject, each with a stable code (the names follow the ws library's), the close
// code a conforming peer would send, the rule it breaks and an explanation for the reader (a Message: the
// words are in text.en.ts / text.vi.ts, so the codec carries no language).

import type { HeaderFieldName } from './header.ts';
import { message, type Message } from './message.ts';
import { closeCodeInfo } from './closeCodes.ts';
import { opcodeInfo } from './opcodes.ts';

export type ProtocolErrorCode =
  | 'WS_ERR_UNEXPECTED_RSV_1'
  | 'WS_ERR_UNEXPECTED_RSV_2_3'
  | 'WS_ERR_INVALID_OPCODE'
  | 'WS_ERR_EXPECTED_FIN'
  | 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH'
  | 'WS_ERR_EXPECTED_MASK'
  | 'WS_ERR_UNEXPECTED_MASK'
  | 'WS_ERR_UNEXPECTED_CONTINUATION'
  | 'WS_ERR_EXPECTED_CONTINUATION'
  | 'WS_ERR_INVALID_UTF8'
  | 'WS_ERR_INVALID_CLOSE_PAYLOAD_LENGTH'
  | 'WS_ERR_INVALID_CLOSE_CODE'
  | 'WS_ERR_INVALID_CLOSE_REASON'
  | 'WS_ERR_INVALID_PAYLOAD_LENGTH'
  | 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH'
  | 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

export type ProtocolError = {
  code: ProtocolErrorCode;
  /** The status a conforming peer sends when it fails the connection for this (1002, 1007 or 1009). */
  closeCode: number;
  /** The rule broken, e.g. 'RFC 6455 §5.2'. */
  rule: string;
  message: Message;
  /** The header field at fault, when there is one, so a bit diagram can point at it. */
  field?: HeaderFieldName;
  /** Where the offending frame starts, counting every byte the decoder was given. */
  frameOffset?: number;
  /** The offending frame's header bytes, as far as they were read (describeHeader can lay them out). */
  header?: Uint8Array;
};

/** The frame type's name in the reader's language (lower-cased by the sentence that uses it). */
function opcodeName(opcode: number): Message | string {
  return opcodeInfo(opcode)?.title ?? String(opcode);
}

/** One error; `field` only where a single header field is at fault. */
function fault(
  code: ProtocolErrorCode,
  closeCode: 1002 | 1007 | 1009,
  rule: string,
  field: HeaderFieldName | null,
  text: Message,
): ProtocolError {
  return field === null ? { code, closeCode, rule, message: text } : { code, closeCode, rule, field, message: text };
}

/** Builders for each error; the decoder adds where it happened (frameOffset, header). */
export const protocolErrors = {
  /** RSV1–3 set while no negotiated extension defines them. */
  reservedBit: (bit: 1 | 2 | 3): ProtocolError =>
    fault(bit === 1 ? 'WS_ERR_UNEXPECTED_RSV_1' : 'WS_ERR_UNEXPECTED_RSV_2_3', 1002, 'RFC 6455 §5.2', `RSV${bit}`,
      message('protocol.error.reservedBit', { bit })),

  /** permessage-deflate allows RSV1 only on the first frame of a data message. */
  compressedBitMisplaced: (opcode: number): ProtocolError =>
    fault('WS_ERR_UNEXPECTED_RSV_1', 1002, 'RFC 7692 §6', 'RSV1', message('protocol.error.compressedBit', {
      frame: message(opcode >= 8 ? 'protocol.error.compressedBit.control' : 'protocol.error.compressedBit.continuation'),
    })),

  invalidOpcode: (opcode: number): ProtocolError =>
    fault('WS_ERR_INVALID_OPCODE', 1002, 'RFC 6455 §5.2', 'opcode', message('protocol.error.invalidOpcode', {
      hex: `0x${opcode.toString(16).toUpperCase()}`,
      kind: message(opcode >= 8 ? 'protocol.kind.control' : 'protocol.kind.data'),
    })),

  fragmentedControlFrame: (opcode: number): ProtocolError =>
    fault('WS_ERR_EXPECTED_FIN', 1002, 'RFC 6455 §5.5', 'FIN',
      message('protocol.error.fragmentedControl', { name: opcodeName(opcode) })),

  /** Detected from the 7-bit length alone: 126 or 127 already means more than 125 bytes. */
  controlPayloadTooLong: (opcode: number, length7: number): ProtocolError =>
    fault('WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH', 1002, 'RFC 6455 §5.5', 'payloadLength',
      message('protocol.error.controlTooLong', { name: opcodeName(opcode), length7, bits: length7 === 126 ? 16 : 64 })),

  expectedMask: (): ProtocolError =>
    fault('WS_ERR_EXPECTED_MASK', 1002, 'RFC 6455 §5.1', 'MASK', message('protocol.error.expectedMask')),

  unexpectedMask: (): ProtocolError =>
    fault('WS_ERR_UNEXPECTED_MASK', 1002, 'RFC 6455 §5.1', 'MASK', message('protocol.error.unexpectedMask')),

  unexpectedContinuation: (): ProtocolError =>
    fault('WS_ERR_UNEXPECTED_CONTINUATION', 1002, 'RFC 6455 §5.4', 'opcode', message('protocol.error.unexpectedContinuation')),

  expectedContinuation: (opcode: number): ProtocolError =>
    fault('WS_ERR_EXPECTED_CONTINUATION', 1002, 'RFC 6455 §5.4', 'opcode',
      message('protocol.error.expectedContinuation', { name: opcodeName(opcode) })),

  /** `position` counts bytes from the start of the message, across fragments (its length, if it ended early). */
  invalidUtf8: (position: number, endedInsideCharacter: boolean): ProtocolError =>
    fault('WS_ERR_INVALID_UTF8', 1007, 'RFC 6455 §8.1', null,
      message(endedInsideCharacter ? 'protocol.error.utf8.ended' : 'protocol.error.utf8', { position })),

  invalidClosePayloadLength: (): ProtocolError =>
    fault('WS_ERR_INVALID_CLOSE_PAYLOAD_LENGTH', 1002, 'RFC 6455 §5.5.1', 'payloadLength', message('protocol.error.closePayloadLength')),

  invalidCloseCode(code: number): ProtocolError {
    // Say what the code is for, so "1005 is invalid" comes with why: it only reports, it is never sent.
    const info = closeCodeInfo(code);
    const why = info ? message('protocol.error.closeCode.why', { code, name: info.name, meaning: info.meaning }) : '';
    return fault('WS_ERR_INVALID_CLOSE_CODE', 1002, 'RFC 6455 §7.4', null, message('protocol.error.closeCode', { code, why }));
  },

  invalidCloseReason: (): ProtocolError =>
    fault('WS_ERR_INVALID_CLOSE_REASON', 1007, 'RFC 6455 §5.5.1', null, message('protocol.error.closeReason')),

  payloadLengthTopBitSet: (): ProtocolError =>
    fault('WS_ERR_INVALID_PAYLOAD_LENGTH', 1002, 'RFC 6455 §5.2', 'extendedPayloadLength64', message('protocol.error.lengthTopBit')),

  /** Legal on the wire, but beyond what a JavaScript number counts exactly (2^53 − 1). */
  payloadLengthUnsupported: (): ProtocolError =>
    fault('WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH', 1009, 'RFC 6455 §7.4.1', 'extendedPayloadLength64', message('protocol.error.lengthUnsupported')),

  /** Raised from the declared length, before any of the payload is read. */
  messageTooBig: (length: number, maxPayload: number, field: HeaderFieldName = 'payloadLength'): ProtocolError =>
    fault('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 1009, 'RFC 6455 §7.4.1', field, message('protocol.error.tooBig', { length, max: maxPayload })),
};
