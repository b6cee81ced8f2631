// What the demo server's /close and /misbehave endpoints accept and do, written once for both sides of the
// wire: the server checks its query with these rules and writes these bytes; the close lab offers the same
// choices and tells the reader what the browser will do (docs/DEMO-SERVER.md, "/close" and "/misbehave").
import { encodeUtf8 } from '../protocol/utf8.ts';
import { intParam, isRejection, rejection, type Rejection } from '../server/params.ts';

/** A close frame's body is at most 125 bytes: 2 for the code, so 123 for the reason (RFC 6455 §5.5). */
export const REASON_MAX_BYTES = 123;

/** /close?after= waits at most this long (ms) before closing. */
export const CLOSE_AFTER_MAX_MS = 60_000;

/** Close codes the demo server's /close endpoint will send (the lab's menu); any of 3000–4999 works too. */
export const SERVER_CLOSE_CODES = [1000, 1001, 1008, 1011, 3000, 4000] as const;

/** The common standard codes a server may send, and the application range (RFC 6455 §7.4.1, §7.4.2). */
export function isServerCloseCode(code: number): boolean {
  return [1000, 1001, 1008, 1011].includes(code) || (Number.isInteger(code) && code >= 3000 && code <= 4999);
}

/** What /close was asked to do. */
export type CloseRequest = { code: number; reason: string; after: number; drop: boolean };

/** Reads /close's query (`code`, `reason`, `after`, `drop`), or says why the handshake is refused. */
export function parseCloseQuery(query: URLSearchParams): CloseRequest | Rejection {
  const code = intParam(query, 'code', 1000, 4999, 1000);
  if (isRejection(code)) return code;
  if (!isServerCloseCode(code)) {
    return rejection(400, `?code= must be 1000, 1001, 1008, 1011 or 3000–4999 (got ${code})`);
  }
  const reason = query.get('reason') ?? '';
  const reasonBytes = encodeUtf8(reason).length;
  if (reasonBytes > REASON_MAX_BYTES) {
    return rejection(400, `?reason= must be at most ${REASON_MAX_BYTES} bytes of UTF-8 (got ${reasonBytes})`);
  }
  const after = intParam(query, 'after', 0, CLOSE_AFTER_MAX_MS, 0);
  if (isRejection(after)) return after;
  const drop = query.get('drop');
  if (drop !== null && drop !== '0' && drop !== '1') {
    return rejection(400, `?drop= must be 1 (cut the TCP connection) or 0 (got "${drop.slice(0, 40)}")`);
  }
  return { code, reason, after, drop: drop === '1' };
}

/** Reads /misbehave's `?fault=`, or says why the handshake is refused. */
export function parseFaultQuery(query: URLSearchParams): Fault | Rejection {
  const name = query.get('fault') ?? '';
  const fault = findFault(name);
  if (fault) return fault;
  return rejection(400, `?fault= must be one of ${FAULTS.map((f) => f.name).join(', ')} (got "${name.slice(0, 40)}")`);
}

/** /misbehave's first message, a valid one announcing the fault that follows. */
export function faultAnnouncement(fault: Fault): string {
  return JSON.stringify({ type: 'fault', fault: fault.name, detail: `next frame: ${fault.detail}` });
}

/** /misbehave: between the announcement and the faulty frame (so they reach the browser in separate reads)… */
export const FAULT_GAP_MS = 100;
/** …and how long the server waits for the client to give up before it cuts the connection itself. */
export const FAULT_CUT_AFTER_MS = 2000;

const hello = [0x48, 0x65, 0x6c, 0x6c, 0x6f]; // "Hello"

/**
 * The protocol faults /misbehave commits: the exact bytes written after the announcement, what is wrong
 * with them, and the close code RFC 6455 tells the browser to send.
 */
export const FAULTS = [
  {
    name: 'bad-utf8',
    sends: 1007,
    rule: 'RFC 6455 §8.1',
    // "caf" then C3 28: C3 opens a two-byte sequence but 28 is not a continuation byte.
    bytes: [0x81, 0x05, 0x63, 0x61, 0x66, 0xc3, 0x28],
    detail: 'a text frame whose payload is not valid UTF-8',
  },
  {
    name: 'masked',
    sends: 1002,
    rule: 'RFC 6455 §5.1',
    // RFC 6455 §5.7's masked "Hello" — legal from a client, forbidden from a server.
    bytes: [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58],
    detail: 'a masked frame from the server',
  },
  {
    name: 'reserved-bit',
    sends: 1002,
    rule: 'RFC 6455 §5.2',
    // FIN + RSV1 + text: RSV1 without a negotiated extension that defines it.
    bytes: [0xc1, 0x05, ...hello],
    detail: 'a frame with RSV1 set although no extension was negotiated',
  },
  {
    name: 'bad-opcode',
    sends: 1002,
    rule: 'RFC 6455 §5.2',
    // Opcode 3 is reserved for future non-control frames.
    bytes: [0x83, 0x05, ...hello],
    detail: 'a frame with the reserved opcode 3',
  },
  {
    name: 'long-ping',
    sends: 1002,
    rule: 'RFC 6455 §5.5',
    // A ping (opcode 9) with a 126-byte payload: control frames carry at most 125 bytes.
    bytes: [0x89, 0x7e, 0x00, 0x7e, ...new Array<number>(126).fill(0x2e)],
    detail: 'a ping frame with a 126-byte payload (control frames allow 125)',
  },
] as const satisfies ReadonlyArray<{ name: string; sends: number; rule: string; bytes: readonly number[]; detail: string }>;

export type FaultName = (typeof FAULTS)[number]['name'];
export type Fault = (typeof FAULTS)[number];

export function findFault(name: string): Fault | undefined {
  return FAULTS.find((fault) => fault.name === name);
}
