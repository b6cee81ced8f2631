// The protocol package's public face: the frame codec, the handshake's accept key, and the tables that
// explain opcodes, close codes, header fields and errors. Explanations are Messages; their words are in
// text.en.ts and text.vi.ts (explain() picks one table; bilingual.ts gives both, outside the browser).

export type { Bilingual } from './bilingual.ts';
export type { Message, MessageValue, ProtocolText } from './message.ts';
export { explain, message } from './message.ts';
export type { Frame, KnownOpcode } from './frame.ts';
export { OPCODE, isControlOpcode, isKnownOpcode } from './frame.ts';
export type { DecodeResult, DecoderState, FrameDecoderOptions } from './decoder.ts';
export { FrameDecoder } from './decoder.ts';
export type { DecodeFramesResult } from './decodeFrames.ts';
export { decodeFrames } from './decodeFrames.ts';
export type { EncodeFrameOptions } from './encoder.ts';
export { encodeFrame } from './encoder.ts';
export type { ClosePayload } from './closePayload.ts';
export { encodeClosePayload, MAX_CLOSE_REASON_BYTES } from './closePayload.ts';
export { parseClosePayload } from './parseClose.ts';
export type { HeaderDescription, HeaderField, HeaderFieldInfo, HeaderFieldName } from './header.ts';
export { describeHeader, HEADER_FIELD_INFO } from './header.ts';
export type { ProtocolError, ProtocolErrorCode } from './errors.ts';
export { protocolErrors } from './errors.ts';
export { applyMask, randomMaskKey } from './mask.ts';
export { Utf8Validator, isValidUtf8, decodeUtf8, decodeUtf8Lossy, encodeUtf8 } from './utf8.ts';
export type { AcceptSteps } from './accept.ts';
export { WS_GUID, computeAccept, acceptSteps, isValidClientKey } from './accept.ts';
export type { FromHexResult } from './hex.ts';
export { toHex, fromHex } from './hex.ts';
export type { OpcodeInfo } from './opcodes.ts';
export { OPCODES, opcodeInfo } from './opcodes.ts';
export type { CloseCodeInfo, CloseCodeRange } from './closeCodes.ts';
export { CLOSE_CODES, CLOSE_CODE_RANGES, closeCodeInfo, isValidCloseCode, canSendFromBrowser } from './closeCodes.ts';
