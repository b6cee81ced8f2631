// A frame record's hex as bytes, for the views that draw a frame. Apart from records.ts (whose checks load only
// when an inspector stream starts), so a lab can draw frames without loading the checks at startup.
import { fromHex } from '../protocol/hex.ts';
import type { FrameRecord } from './records.ts';

/** The frame's bytes as the codec wants them: the header, then the (first bytes of the) unmasked payload. */
export function frameRecordBytes(record: FrameRecord): { header: Uint8Array; payload: Uint8Array; maskKey: Uint8Array | null } {
  const header = (fromHex(record.headerHex) as { bytes: Uint8Array }).bytes;
  const payload = (fromHex(record.payloadHex) as { bytes: Uint8Array }).bytes;
  const maskKey = record.maskKey ? (fromHex(record.maskKey) as { bytes: Uint8Array }).bytes : null;
  return { header, payload, maskKey };
}
