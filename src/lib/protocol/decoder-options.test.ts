import { describe, expect, it } from 'vitest';
import { FrameDecoder } from './decoder.ts';
import { decodeFrames } from './decodeFrames.ts';
import { encodeFrame } from './encoder.ts';
import { feed, hex, join, sequence } from './testing.ts';

describe('keepPayloadBytes', () => {
  it('keeps the first N bytes of a long frame, reads past the rest, and decodes the next frame', () => {
    const long = sequence(300);
    const bytes = join(hex('82 7e 01 2c'), long, hex('81 05 48 65 6c 6c 6f'));
    for (const size of [1, 7, bytes.length]) {
      const { frames, error } = feed(new FrameDecoder({ keepPayloadBytes: 16 }), bytes, size);
      expect(error).toBeNull();
      expect(frames).toHaveLength(2);
      expect(frames[0].length).toBe(300);
      expect(frames[0].truncated).toBe(true);
      expect(frames[0].payload).toEqual(long.slice(0, 16));
      expect(frames[1].truncated).toBe(false);
      expect(frames[1].text).toBe('Hello');
    }
  });

  it('truncates the masked bytes the same way, and still unmasks the kept ones', () => {
    const key = hex('37 fa 21 3d');
    const bytes = encodeFrame({ opcode: 2, payload: sequence(200), maskKey: key });
    const [frame] = feed(new FrameDecoder({ keepPayloadBytes: 6 }), bytes, 5).frames;
    expect(frame.payload).toEqual(sequence(6));
    expect(frame.maskedPayload).toEqual(bytes.slice(8, 14)); // 8 header bytes: 2 + 16-bit length + key
    expect(frame.maskKey).toEqual(key);
  });

  it('gives a truncated text frame no text, but still checks all of its UTF-8', () => {
    const good = new FrameDecoder({ keepPayloadBytes: 4 }).push(
      encodeFrame({ opcode: 1, payload: 'Xin chào thế giới' }),
    );
    expect(good.error).toBeNull();
    expect(good.frames[0].text).toBeNull();
    expect(good.frames[0].payload).toEqual(hex('58 69 6e 20'));

    const bad = new FrameDecoder({ keepPayloadBytes: 4 }).push(hex('81 08 41 41 41 41 41 41 c3 28'));
    expect(bad.error?.code).toBe('WS_ERR_INVALID_UTF8');
    expect(bad.error?.closeCode).toBe(1007);
  });

  it('still reads the close code when no payload bytes are kept', () => {
    const [frame] = new FrameDecoder({ keepPayloadBytes: 0 }).push(hex('88 05 03 e9 62 79 65')).frames;
    expect(frame.payload).toEqual(new Uint8Array(0));
    expect(frame.truncated).toBe(true);
    expect(frame.close).toEqual({ code: 1001, reason: 'bye' });
  });
});

describe('options', () => {
  it('lets RSV1 mark a compressed message when permessage-deflate is on, without checking its UTF-8', () => {
    // Deflate output is not UTF-8; the decoder must not judge it as text.
    const { frames, error } = new FrameDecoder({ allowRsv1: true }).push(hex('41 02 f2 48 80 02 cd c9'));
    expect(error).toBeNull();
    expect(frames.map((f) => [f.rsv, f.text])).toEqual([
      [[true, false, false], null],
      [[false, false, false], null],
    ]);
  });

  it('accepts a message exactly at maxPayload, fragments summed', () => {
    const bytes = join(hex('02 03'), sequence(3), hex('80 02'), sequence(2));
    expect(new FrameDecoder({ maxPayload: 5 }).push(bytes).error).toBeNull();
  });

  it('skips message-level checks when validate is false, but still decodes the frames', () => {
    const bytes = hex('80 02 6c 6f 09 00 81 02 c3 28 88 02 03 ed');
    const { frames, error } = new FrameDecoder({ validate: false }).push(bytes);
    expect(error).toBeNull();
    expect(frames.map((f) => f.opcode)).toEqual([0, 9, 1, 8]);
    expect(frames[2].text).toBeNull();
    expect(frames[3].close).toEqual({ code: 1005, reason: '' });
  });
});

describe('decodeFrames', () => {
  it('decodes complete bytes at once', () => {
    const result = decodeFrames(hex('01 03 48 65 6c 80 02 6c 6f'));
    expect(result.frames).toHaveLength(2);
    expect(result.incomplete).toBeNull();
  });

  it('says where bytes that stop inside a frame stopped, and how many more it needs', () => {
    expect(decodeFrames(hex('81 85 37 fa')).incomplete).toEqual({ state: 'maskKey', needed: 2 });
    expect(decodeFrames(hex('81 05 48')).incomplete).toEqual({ state: 'payload', needed: 4 });
    expect(decodeFrames(hex('81')).incomplete).toEqual({ state: 'header', needed: 1 });
  });
});
