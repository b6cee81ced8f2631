// Records the inspect tests share (not used by the site).
import type { FrameRecord } from './records.ts';

/** RFC 6455 §5.7: the masked "Hello" a client sends, as the tap records it. */
export const clientHello: FrameRecord = {
  kind: 'frame',
  dir: 'client',
  t: 12.5,
  fin: true,
  rsv: [false, false, false],
  opcode: 1,
  masked: true,
  maskKey: '37fa213d',
  length: 5,
  headerHex: '818537fa213d',
  payloadHex: '48656c6c6f',
  text: 'Hello',
};

export const opcodeError = { code: 'WS_ERR_INVALID_OPCODE', closeCode: 1002, rule: 'RFC 6455 §5.2', field: 'opcode' };

/** A refused client frame (reserved opcode 0xB) whose connection ended after two header bytes: no key yet. */
export const cutHeader: FrameRecord = {
  ...clientHello,
  opcode: 11,
  length: 1,
  maskKey: null,
  headerHex: '8b81',
  payloadHex: '',
  text: null,
  error: opcodeError,
  close: { code: 1002, reason: '' },
};
