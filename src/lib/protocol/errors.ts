// Everything the decoder can reject, each with a stable code (the names follow the ws library's), the close
// code a conforming peer would send, the rule it breaks and an explanation for the reader in both languages.

import type { Bilingual } from './bilingual.ts';
import { formatNumber } from './bilingual.ts';
import type { HeaderFieldName } from './header.ts';
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
  message: Bilingual;
  /** The header field at fault, when there is one, so a bit diagram can point at it. */
  field?: HeaderFieldName;
  /** Where the offending frame starts, counting every byte the decoder was given. */
  frameOffset?: number;
  /** The offending frame's header bytes, as far as they were read (describeHeader can lay them out). */
  header?: Uint8Array;
};

function opcodeName(opcode: number): Bilingual {
  const info = opcodeInfo(opcode);
  return { en: info?.name.toLowerCase() ?? String(opcode), vi: info?.nameVi.toLowerCase() ?? String(opcode) };
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
      message: {
        en: `RSV${bit} is set, but no negotiated extension gives it a meaning. The reserved bits must be 0 unless an extension defines them.`,
        vi: `Bit RSV${bit} đang bật, nhưng không có tiện ích mở rộng nào đã thương lượng gán ý nghĩa cho nó. Các bit dự trữ phải bằng 0 trừ khi một tiện ích mở rộng định nghĩa chúng.`,
      },
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
      message: {
        en: `RSV1 (“compressed”) is set on a ${control ? 'control frame' : 'continuation frame'}. permessage-deflate allows it only on the first frame of a text or binary message.`,
        vi: `Bit RSV1 (“đã nén”) đang bật trên ${control ? 'một khung điều khiển' : 'một khung tiếp nối'}. permessage-deflate chỉ cho phép bit này ở khung đầu tiên của một thông điệp text hoặc binary.`,
      },
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
      message: {
        en: `Opcode ${hex} is reserved for future ${control ? 'control' : 'data'} frames, and no negotiated extension defines it.`,
        vi: `Opcode ${hex} được dành riêng cho các loại khung ${control ? 'điều khiển' : 'dữ liệu'} trong tương lai, và không có tiện ích mở rộng nào đã thương lượng định nghĩa nó.`,
      },
    };
  },

  fragmentedControlFrame(opcode: number): ProtocolError {
    const name = opcodeName(opcode);
    return {
      code: 'WS_ERR_EXPECTED_FIN',
      closeCode: 1002,
      rule: 'RFC 6455 §5.5',
      field: 'FIN',
      message: {
        en: `A ${name.en} frame arrived with FIN = 0. Control frames (close, ping, pong) must not be fragmented: each fits in one frame.`,
        vi: `Một khung ${name.vi} đến với FIN = 0. Khung điều khiển (close, ping, pong) không được phân mảnh: mỗi khung phải nằm gọn trong một khung duy nhất.`,
      },
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
      message: {
        en: `The ${name.en} frame's 7-bit length is ${length7}, meaning “the length follows in ${bits} bits”, so its payload is over 125 bytes. Control frames carry at most 125 bytes.`,
        vi: `Trường độ dài 7 bit của khung ${name.vi} là ${length7}, nghĩa là “độ dài nằm trong ${bits} bit tiếp theo”, tức payload dài hơn 125 byte. Khung điều khiển chỉ được mang tối đa 125 byte.`,
      },
    };
  },

  expectedMask(): ProtocolError {
    return {
      code: 'WS_ERR_EXPECTED_MASK',
      closeCode: 1002,
      rule: 'RFC 6455 §5.1',
      field: 'MASK',
      message: {
        en: 'This frame from the client is not masked (MASK = 0). A client must mask every frame it sends, so the server fails the connection.',
        vi: 'Khung này từ client không có mặt nạ (MASK = 0). Client phải áp mặt nạ cho mọi khung nó gửi, nên server ngắt kết nối.',
      },
    };
  },

  unexpectedMask(): ProtocolError {
    return {
      code: 'WS_ERR_UNEXPECTED_MASK',
      closeCode: 1002,
      rule: 'RFC 6455 §5.1',
      field: 'MASK',
      message: {
        en: 'This frame from the server is masked (MASK = 1). A server must never mask the frames it sends, so the client fails the connection.',
        vi: 'Khung này từ server lại có mặt nạ (MASK = 1). Server không bao giờ được áp mặt nạ cho các khung nó gửi, nên client ngắt kết nối.',
      },
    };
  },

  unexpectedContinuation(): ProtocolError {
    return {
      code: 'WS_ERR_UNEXPECTED_CONTINUATION',
      closeCode: 1002,
      rule: 'RFC 6455 §5.4',
      field: 'opcode',
      message: {
        en: 'A continuation frame (opcode 0) arrived, but no fragmented message is open. A message starts with a text or binary frame.',
        vi: 'Một khung tiếp nối (opcode 0) đến trong khi không có thông điệp phân mảnh nào đang mở. Thông điệp phải bắt đầu bằng một khung text hoặc binary.',
      },
    };
  },

  expectedContinuation(opcode: number): ProtocolError {
    const name = opcodeName(opcode);
    return {
      code: 'WS_ERR_EXPECTED_CONTINUATION',
      closeCode: 1002,
      rule: 'RFC 6455 §5.4',
      field: 'opcode',
      message: {
        en: `A new ${name.en} frame arrived while a fragmented message is still open. Until its last fragment (FIN = 1), only continuation frames (opcode 0) and control frames may come.`,
        vi: `Một khung ${name.vi} mới đến trong khi một thông điệp phân mảnh vẫn chưa kết thúc. Cho tới mảnh cuối (FIN = 1), chỉ khung tiếp nối (opcode 0) và khung điều khiển được phép xuất hiện.`,
      },
    };
  },

  /** `position` counts bytes from the start of the message, across fragments (its length, if it ended early). */
  invalidUtf8(position: number, endedInsideCharacter: boolean): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_UTF8',
      closeCode: 1007,
      rule: 'RFC 6455 §8.1',
      message: endedInsideCharacter
        ? {
            en: `The text message ends in the middle of a UTF-8 character: its last bytes (of ${formatNumber(position).en}) begin a character that is never completed. A text message must be valid UTF-8 as a whole.`,
            vi: `Thông điệp text kết thúc giữa chừng một ký tự UTF-8: những byte cuối của nó (trong tổng số ${formatNumber(position).vi} byte) chỉ là phần đầu của một ký tự còn dang dở. Toàn bộ một thông điệp text phải là UTF-8 hợp lệ.`,
          }
        : {
            en: `The text message is not valid UTF-8: byte ${formatNumber(position).en} of the message (counting from 0) cannot appear there.`,
            vi: `Thông điệp text không phải UTF-8 hợp lệ: byte ở vị trí ${formatNumber(position).vi} của thông điệp (đếm từ 0) không thể xuất hiện ở đó.`,
          },
    };
  },

  invalidClosePayloadLength(): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_CLOSE_PAYLOAD_LENGTH',
      closeCode: 1002,
      rule: 'RFC 6455 §5.5.1',
      field: 'payloadLength',
      message: {
        en: 'The close frame carries 1 byte. A close payload is either empty or starts with a 2-byte status code.',
        vi: 'Khung close mang đúng 1 byte. Payload của khung close hoặc rỗng, hoặc bắt đầu bằng mã trạng thái dài 2 byte.',
      },
    };
  },

  invalidCloseCode(code: number): ProtocolError {
    // Say what the code is for, so "1005 is invalid" comes with why: it only reports, it is never sent.
    const info = closeCodeInfo(code);
    const why: Bilingual = info
      ? { en: ` ${code} (${info.name}): ${info.en}`, vi: ` ${code} (${info.name}): ${info.vi}` }
      : { en: '', vi: '' };
    return {
      code: 'WS_ERR_INVALID_CLOSE_CODE',
      closeCode: 1002,
      rule: 'RFC 6455 §7.4',
      message: {
        en: `Close code ${code} may not be sent in a close frame; valid codes are 1000–1003, 1007–1014 and 3000–4999.${why.en}`,
        vi: `Mã đóng ${code} không được phép gửi trong khung close; các mã hợp lệ là 1000–1003, 1007–1014 và 3000–4999.${why.vi}`,
      },
    };
  },

  invalidCloseReason(): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_CLOSE_REASON',
      closeCode: 1007,
      rule: 'RFC 6455 §5.5.1',
      message: {
        en: 'The close reason (the bytes after the status code) is not valid UTF-8.',
        vi: 'Lý do đóng (các byte sau mã trạng thái) không phải UTF-8 hợp lệ.',
      },
    };
  },

  payloadLengthTopBitSet(): ProtocolError {
    return {
      code: 'WS_ERR_INVALID_PAYLOAD_LENGTH',
      closeCode: 1002,
      rule: 'RFC 6455 §5.2',
      field: 'extendedPayloadLength64',
      message: {
        en: 'The 64-bit payload length has its most significant bit set. The RFC requires that bit to be 0.',
        vi: 'Bit cao nhất của độ dài payload 64 bit đang bật. RFC yêu cầu bit đó phải bằng 0.',
      },
    };
  },

  /** Legal on the wire, but beyond what a JavaScript number counts exactly (2^53 − 1). */
  payloadLengthUnsupported(): ProtocolError {
    return {
      code: 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH',
      closeCode: 1009,
      rule: 'RFC 6455 §7.4.1',
      field: 'extendedPayloadLength64',
      message: {
        en: 'The frame declares a payload of 2^53 bytes or more, more than this endpoint can handle.',
        vi: 'Khung khai báo payload từ 2^53 byte trở lên, vượt quá khả năng xử lý của bên nhận.',
      },
    };
  },

  /** Raised from the declared length, before any of the payload is read. */
  messageTooBig(length: number, maxPayload: number, field: HeaderFieldName = 'payloadLength'): ProtocolError {
    return {
      code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
      closeCode: 1009,
      rule: 'RFC 6455 §7.4.1',
      field,
      message: {
        en: `The message would be ${formatNumber(length).en} bytes, over this endpoint's limit of ${formatNumber(maxPayload).en}. It closes with 1009 (Message Too Big) without reading the payload.`,
        vi: `Thông điệp sẽ dài ${formatNumber(length).vi} byte, vượt giới hạn ${formatNumber(maxPayload).vi} byte của bên nhận. Bên nhận đóng kết nối với mã 1009 (Message Too Big) mà không đọc payload.`,
      },
    };
  },
};
