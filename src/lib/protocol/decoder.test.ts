import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from './decoder.ts';
import { encodeFrame } from './encoder.ts';
import { encodeClosePayload } from './closePayload.ts';
import { toHex } from './hex.ts';
import { feed, feedSplit, hex, join, sequence } from './testing.ts';

const HELLO = hex('48 65 6c 6c 6f');

// RFC 6455 §5.7, byte for byte.
const RFC = {
  unmaskedText: '81 05 48 65 6c 6c 6f',
  maskedText: '81 85 37 fa 21 3d 7f 9f 4d 51 58',
  fragmented: '01 03 48 65 6c 80 02 6c 6f',
  unmaskedPing: '89 05 48 65 6c 6c 6f',
  maskedPong: '8a 85 37 fa 21 3d 7f 9f 4d 51 58',
};

describe('RFC 6455 §5.7 examples', () => {
  it('decodes a single-frame unmasked text message containing "Hello"', () => {
    const { frames, error } = new FrameDecoder().push(hex(RFC.unmaskedText));
    expect(error).toBeNull();
    expect(frames).toEqual([
      {
        fin: true,
        rsv: [false, false, false],
        opcode: 1,
        masked: false,
        maskKey: null,
        length: 5,
        header: hex('81 05'),
        payload: HELLO,
        maskedPayload: null,
        truncated: false,
        text: 'Hello',
      },
    ]);
  });

  it('decodes a single-frame masked text message and unmasks it', () => {
    const { frames, error } = new FrameDecoder({ expectMasked: true }).push(hex(RFC.maskedText));
    expect(error).toBeNull();
    expect(frames).toEqual([
      {
        fin: true,
        rsv: [false, false, false],
        opcode: 1,
        masked: true,
        maskKey: hex('37 fa 21 3d'),
        length: 5,
        header: hex('81 85 37 fa 21 3d'),
        payload: HELLO,
        maskedPayload: hex('7f 9f 4d 51 58'),
        truncated: false,
        text: 'Hello',
      },
    ]);
  });

  it('decodes a fragmented unmasked text message: "Hel" then "lo"', () => {
    const { frames, error } = new FrameDecoder().push(hex(RFC.fragmented));
    expect(error).toBeNull();
    expect(frames.map((f) => [f.fin, f.opcode, toHex(f.header), f.text])).toEqual([
      [false, 1, '01 03', 'Hel'],
      [true, 0, '80 02', 'lo'],
    ]);
  });

  it('decodes an unmasked ping whose body is "Hello"', () => {
    const [ping] = new FrameDecoder().push(hex(RFC.unmaskedPing)).frames;
    expect(ping.opcode).toBe(9);
    expect(ping.fin).toBe(true);
    expect(ping.payload).toEqual(HELLO);
    expect(ping.text).toBeUndefined(); // only text messages get a text field
  });

  it('decodes a masked pong whose body is "Hello"', () => {
    const [pong] = new FrameDecoder({ expectMasked: true }).push(hex(RFC.maskedPong)).frames;
    expect(pong.opcode).toBe(10);
    expect(pong.maskKey).toEqual(hex('37 fa 21 3d'));
    expect(pong.payload).toEqual(HELLO);
  });

  it('decodes 256 bytes of binary in a single unmasked frame: 82 7E 0100', () => {
    const payload = sequence(256);
    const [frame] = new FrameDecoder().push(join(hex('82 7e 01 00'), payload)).frames;
    expect(frame.opcode).toBe(2);
    expect(frame.length).toBe(256);
    expect(frame.header).toEqual(hex('82 7e 01 00'));
    expect(frame.payload).toEqual(payload);
  });

  it('decodes 64 KiB of binary in a single unmasked frame: 82 7F 0000000000010000', () => {
    const payload = sequence(65536);
    const [frame] = new FrameDecoder().push(join(hex('82 7f 00 00 00 00 00 01 00 00'), payload)).frames;
    expect(frame.length).toBe(65536);
    expect(frame.header).toEqual(hex('82 7f 00 00 00 00 00 01 00 00'));
    expect(frame.payload).toEqual(payload);
  });
});

describe('chunks split at any byte', () => {
  const stream = join(
    ...Object.values(RFC).map(hex),
    hex('82 7e 01 00'),
    sequence(256),
    hex('82 7f 00 00 00 00 00 01 00 00'),
    sequence(65536),
  );
  const whole = new FrameDecoder().push(stream);

  it('decodes all the RFC examples from one stream', () => {
    expect(whole.error).toBeNull();
    expect(whole.frames.map((f) => f.opcode)).toEqual([1, 1, 1, 0, 9, 10, 2, 2]);
  });

  it('gives the same frames when fed one byte at a time', () => {
    expect(feed(new FrameDecoder(), stream, 1)).toEqual(whole);
  });

  it.each([2, 3, 5, 7, 13, 4096])('gives the same frames when fed in slices of %i bytes', (size) => {
    expect(feed(new FrameDecoder(), stream, size)).toEqual(whole);
  });

  it('gives the same frames for every split point of the masked and fragmented examples', () => {
    const bytes = hex(`${RFC.maskedText} ${RFC.fragmented} ${RFC.maskedPong}`);
    const expected = new FrameDecoder().push(bytes);
    for (let at = 0; at <= bytes.length; at++) {
      expect(feedSplit(new FrameDecoder(), bytes, at)).toEqual(expected);
    }
  });

  it('names the state it waits in', () => {
    const states = (text: string) => {
      const decoder = new FrameDecoder();
      decoder.push(hex(text));
      return [decoder.state, decoder.needed];
    };
    expect(states('')).toEqual(['header', 0]);
    expect(states('81')).toEqual(['header', 1]);
    expect(states('82 7e 01')).toEqual(['length16', 1]);
    expect(states('82 7f 00 00')).toEqual(['length64', 6]);
    expect(states('81 85 37 fa')).toEqual(['maskKey', 2]);
    expect(states('81 85 37 fa 21 3d 7f')).toEqual(['payload', 4]);
    expect(states(RFC.maskedText)).toEqual(['header', 0]);
  });

  it('copies what it keeps, so the caller may reuse or unmask its buffers afterwards', () => {
    const decoder = new FrameDecoder();
    const first = hex('81 85 37 fa 21 3d 7f');
    const second = hex('9f 4d 51 58');
    decoder.push(first);
    first.fill(0);
    const [frame] = decoder.push(second).frames;
    second.fill(0);
    expect(frame.header).toEqual(hex('81 85 37 fa 21 3d'));
    expect(frame.maskKey).toEqual(hex('37 fa 21 3d'));
    expect(frame.maskedPayload).toEqual(hex('7f 9f 4d 51 58'));
    expect(frame.payload).toEqual(HELLO);
  });

  // Node's Buffer is a Uint8Array whose slice() returns a view: a decoder that copied with slice() would
  // hand out payloads that change when the server reuses (or ws unmasks) the chunk it read.
  it('copies out of a Node Buffer too: a payload never aliases the chunk it came from', () => {
    const chunk = Buffer.from(hex('81 05 48 65 6c 6c 6f 82 03 01 02 03'));
    const { frames } = new FrameDecoder().push(chunk);
    chunk.fill(0xee); // the caller reuses its buffer for the next read
    expect(frames.map((f) => f.payload)).toEqual([HELLO, hex('01 02 03')]);
    expect(frames[0].text).toBe('Hello');
    for (const frame of frames) {
      expect(Buffer.isBuffer(frame.payload)).toBe(false);
      expect(frame.payload.buffer).not.toBe(chunk.buffer);
    }
  });

  it('keeps a masked payload that spans two Node Buffers, even when the first is unmasked in place', () => {
    const decoder = new FrameDecoder({ expectMasked: true });
    const first = Buffer.from(hex('81 85 37 fa 21 3d 7f 9f'));
    const second = Buffer.from(hex('4d 51 58'));
    expect(decoder.push(first).frames).toEqual([]);
    // What ws does after our tap has read the bytes: unmask the payload in the same memory.
    first[6]! ^= 0x37;
    first[7]! ^= 0xfa;
    const [frame] = decoder.push(second).frames;
    second.fill(0);
    expect(frame.maskedPayload).toEqual(hex('7f 9f 4d 51 58'));
    expect(frame.payload).toEqual(HELLO);
  });

  it('copies a kept prefix out of a Node Buffer (keepPayloadBytes)', () => {
    const chunk = Buffer.from(join(hex('82 0a'), sequence(10)));
    const [frame] = new FrameDecoder({ keepPayloadBytes: 4 }).push(chunk).frames;
    chunk.fill(0);
    expect(frame.payload).toEqual(hex('00 01 02 03'));
    expect(frame.truncated).toBe(true);
  });
});

describe('frames the RFC allows', () => {
  it('decodes empty payloads, masked or not', () => {
    const { frames, error } = new FrameDecoder().push(hex('81 00 89 00 82 80 01 02 03 04'));
    expect(error).toBeNull();
    expect(frames.map((f) => [f.opcode, f.length, f.payload.length, f.text])).toEqual([
      [1, 0, 0, ''],
      [9, 0, 0, undefined],
      [2, 0, 0, undefined],
    ]);
    expect(frames[2].maskKey).toEqual(hex('01 02 03 04'));
    expect(frames[2].maskedPayload).toEqual(new Uint8Array(0));
  });

  it('accepts lengths that are not minimally encoded', () => {
    const { frames, error } = new FrameDecoder().push(
      hex('81 7e 00 05 48 65 6c 6c 6f 81 7f 00 00 00 00 00 00 00 05 48 65 6c 6c 6f'),
    );
    expect(error).toBeNull();
    expect(frames.map((f) => [f.length, f.header.length, f.text])).toEqual([
      [5, 4, 'Hello'],
      [5, 10, 'Hello'],
    ]);
  });

  it('accepts control frames between the fragments of a message', () => {
    const { frames, error } = new FrameDecoder().push(hex('01 03 48 65 6c 89 00 8a 00 80 02 6c 6f'));
    expect(error).toBeNull();
    expect(frames.map((f) => f.opcode)).toEqual([1, 9, 10, 0]);
  });

  it('tracks whether a fragmented message is open', () => {
    const decoder = new FrameDecoder();
    decoder.push(hex('01 03 48 65 6c'));
    expect(decoder.inFragmentedMessage).toBe(true);
    decoder.push(hex('80 02 6c 6f'));
    expect(decoder.inFragmentedMessage).toBe(false);
  });

  it('accepts a UTF-8 character split across two fragments, and across chunks', () => {
    // "é" is c3 a9: the first fragment ends between its two bytes.
    const bytes = hex('01 01 c3 80 01 a9');
    const { frames, error } = feed(new FrameDecoder(), bytes, 1);
    expect(error).toBeNull();
    // Neither fragment is valid UTF-8 on its own, so neither has text of its own.
    expect(frames.map((f) => f.text)).toEqual([null, null]);
  });

  it('reads a close frame’s status code and reason', () => {
    const bytes = join(
      encodeFrame({ opcode: 8, payload: encodeClosePayload(1000, 'Tạm biệt') }),
      hex('88 00'),
      encodeFrame({ opcode: 8, payload: encodeClosePayload(4001), maskKey: hex('01 02 03 04') }),
    );
    const { frames, error } = feed(new FrameDecoder(), bytes, 3);
    expect(error).toBeNull();
    expect(frames.map((f) => f.close)).toEqual([
      { code: 1000, reason: 'Tạm biệt' },
      { code: null, reason: '' },
      { code: 4001, reason: '' },
    ]);
  });

  it('keeps a leading byte-order mark in the text it shows', () => {
    const [frame] = new FrameDecoder().push(hex('81 04 ef bb bf 41')).frames;
    expect(frame.text).toBe('\ufeffA');
  });
});
