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

/** Builders for each error; the decoder adds where it happened (frameOffset, header). */
export const protocolErrors = {
  /** RSV1–3 set while no negotiated extension defines them. */
  reservedBit(bit: 1 | 2 | 3): ProtocolError {
    return {
      code: bit === 1 ? 'WS_ERR_UNEXPECTED_RSV_1' : 'WS_ERR_UNEXPECTED_RSV_2_3',
      closeCode: 1002,
      rule: 'RFC 6455 §5.2',
      field: `RSV${bit}`,
      message: message('protocol.error.reservedBit', { bit }),
    };
  },

  /** permessage-deflate allows RSV1 only on the first frame of a data message. */
  compressedBitMisplaced(opcode: number): ProtocolError {
    const control = opcode >= 8;
    return {
      code: 'WS_ERR_UNEXPECTED_RSV_1',
      closeCode: 1002,
      rule: 'RFC 7692 §6',
      field: 'RSV1',
      message: message('protocol.error.compressedBit', {
        frame: message(control ? 'protocol.error.compressedBit.control' : 'protocol.error.compressedBit.continuation'),
      }),
    };
  },

  invalidOpcode(opcode: number): ProtocolError {
    const hex = `0x${opcode.toString(16).toUpperCase()}`;
    const control = opcode >= 8;
    return {
      code: 'WS_ERR_INVALID_OPCODE',
      closeCode: 1002,
      rule: 'RFC 6455 §5.2',
      field: 'opcode',
      message: message('protocol.error.invalidOpcode', { hex, kind: message(control ? 'protocol.kind.control' : 'protocol.kind.data') }),
    };
  },

  fragmentedControlFrame(opcode: number): ProtocolError {
    const name = opcodeName(opcode);
    return {
      code: 'WS_ERR_EXPECTED_FIN',
      closeCode: 1002,
      rule: 'RFC 6455 §5.5',
      field: 'FIN',
      message: message('protocol.error.fragmentedControl', { name }),
    };
  },

  /** Detected from the 7-bit length alone: 126 or 127 already means more than 125 bytes. */
  controlPayloadTooLong(opcode: number, length7: number): ProtocolError {
    const name = opcodeName(opcode);
    const bits = length7 === 126 ? 16 : 64;
    return {
      code: 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH',
      closeCode: 1002,
      rule: 'RFC 6455 §5.5',
      field: 'payloadLength',
      message: message('protocol.error.controlTooLong', { name, length7, bits }),
    };
  },

  expectedMask(): ProtocolError {
    return {
      code: 'WS_ERR_EXPECTED_MASK',
      closeCode: 1002,
      rule: 'RFC 6455 §5.1',
      field: 'MASK',
      message: message('protocol.error.expectedMask'),
    };
  },

  unexpectedMask(): ProtocolError {
    return {
      code: 'WS_ERR_UNEXPECTED_MASK',
      closeCode: 1002,
      rule: 'RFC 6455 §5.1',
      field: 'MASK',
      message: message('protocol.error.unexpectedMask'),
    };
  },

  unexpectedContinuation(): ProtocolError {
    return {
      code: 'WS_ERR_UNEXPECTED_CONTINUATION',
      closeCode: 1002,
      rule: 'RFC 6455 §5.4',
      field: 'opcode',
      message: message('protocol.error.unexpectedContinuation'),
    };
  },

  expectedContinuation(opcode: number): ProtocolError {
    const name = opcodeName(opcode);
    return {
      code: 'WS_ERR_EXPECTED_CONTINUATION',
      closeCode: 1002,
      rule: 'RFC 6455 §5.4',
      field: 'opcode',
      message: message('protocol.error.expectedContinuation', { name }),
    };
  },

  /** `position` counts bytes from the start of the message, across fragments (its length, if it ended early). */
  invalidUtf8(position: number, endedInsideCharacter: boolean): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_UTF8',
      closeCode: 1007,
      rule: 'RFC 6455 §8.1',
      message: message(endedInsideCharacter ? 'protocol.error.utf8.ended' : 'protocol.error.utf8', { position }),
    };
  },

  invalidClosePayloadLength(): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_CLOSE_PAYLOAD_LENGTH',
      closeCode: 1002,
      rule: 'RFC 6455 §5.5.1',
      field: 'payloadLength',
      message: message('protocol.error.closePayloadLength'),
    };
  },

  invalidCloseCode(code: number): ProtocolError {
    // Say what the code is for, so "1005 is invalid" comes with why: it only reports, it is never sent.
    const info = closeCodeInfo(code);
    const why = info ? message('protocol.error.closeCode.why', { code, name: info.name, meaning: info.meaning }) : '';
    return {
      code: 'WS_ERR_INVALID_CLOSE_CODE',
      closeCode: 1002,
      rule: 'RFC 6455 §7.4',
      message: message('protocol.error.closeCode', { code, why }),
    };
  },

  invalidCloseReason(): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_CLOSE_REASON',
      closeCode: 1007,
      rule: 'RFC 6455 §5.5.1',
      message: message('protocol.error.closeReason'),
    };
  },

  payloadLengthTopBitSet(): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_PAYLOAD_LENGTH',
      closeCode: 1002,
      rule: 'RFC 6455 §5.2',
      field: 'extendedPayloadLength64',
      message: message('protocol.error.lengthTopBit'),
    };
  },

  /** Legal on the wire, but beyond what a JavaScript number counts exactly (2^53 − 1). */
  payloadLengthUnsupported(): ProtocolError {
    return {
      code: 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH',
      closeCode: 1009,
      rule: 'RFC 6455 §7.4.1',
      field: 'extendedPayloadLength64',
      message: message('protocol.error.lengthUnsupported'),
    };
  },

  /** Raised from the declared length, before any of the payload is read. */
  messageTooBig(length: number, maxPayload: number, field: HeaderFieldName = 'payloadLength'): ProtocolError {
    return {
      code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
      closeCode: 1009,
      rule: 'RFC 6455 §7.4.1',
      field,
      message: message('protocol.error.tooBig', { length, max: maxPayload }),
    };
  },
};
