// The close lab's rules, without a DOM: what WebSocket.close() will accept, how many UTF-8 bytes a reason
// takes, which URLs ask the demo server to close, drop or break the protocol, and what a close code means.
import { protocolText } from '../protocol/bilingual.ts';
import { CLOSE_CODE_RANGES, CLOSE_CODES } from '../protocol/closeCodes.ts';
import { explain } from '../protocol/message.ts';
import { endpointUrl } from '../server/url.ts';

import { REASON_MAX_BYTES, type FaultName } from './serverRules.ts';

export { FAULTS, isServerCloseCode, REASON_MAX_BYTES, SERVER_CLOSE_CODES, type FaultName } from './serverRules.ts';

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** A character of a reason that takes more than one byte, with its bytes in hex. */
export type WideChar = { char: string; bytes: number; hex: string };

/** The distinct characters of `text` that need 2–4 bytes in UTF-8, in order of first appearance. */
export function wideChars(text: string, max = 8): WideChar[] {
  const seen = new Map<string, WideChar>();
  for (const char of text) {
    if (seen.size >= max) break;
    if (seen.has(char)) continue;
    const encoded = encoder.encode(char);
    if (encoded.length < 2) continue;
    const hex = Array.from(encoded, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    seen.set(char, { char, bytes: encoded.length, hex });
  }
  return [...seen.values()];
}

/** WebIDL's [Clamp] unsigned short, as close(code) converts its argument before checking it. */
export function clampUnsignedShort(value: number): number {
  if (Number.isNaN(value)) return 0;
  const clamped = Math.min(Math.max(value, 0), 65535);
  // [Clamp] rounds to the nearest integer, ties to even.
  const floor = Math.floor(clamped);
  const diff = clamped - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export type CloseCheck =
  | { ok: true }
  | { ok: false; name: 'InvalidAccessError'; code: number }
  | { ok: false; name: 'SyntaxError'; bytes: number };

/**
 * What close(code, reason) does with its arguments before anything else (WHATWG WebSockets, close()):
 * a code other than 1000 or 3000–4999 throws InvalidAccessError; then a reason over 123 UTF-8 bytes
 * throws SyntaxError. The code is checked first.
 */
export function checkCloseArguments(code?: number, reason?: string): CloseCheck {
  if (code !== undefined) {
    const converted = clampUnsignedShort(code);
    if (!(converted === 1000 || (converted >= 3000 && converted <= 4999))) {
      return { ok: false, name: 'InvalidAccessError', code: converted };
    }
  }
  if (reason !== undefined) {
    const bytes = utf8Length(reason);
    if (bytes > REASON_MAX_BYTES) return { ok: false, name: 'SyntaxError', bytes };
  }
  return { ok: true };
}

/** The reader's close() call: with or without a code, and an empty reason left out (close(code), not close(code, '')). */
export type ClientClose = { passCode: boolean; code: number; reason: string };

/** The arguments the lab passes to close(), as the call would be written. */
export function closeArguments(c: ClientClose): [code?: number, reason?: string] {
  if (!c.passCode) return [];
  return c.reason === '' ? [c.code] : [c.code, c.reason];
}

/** The call as source text, `close(4000, "bye")`. */
export function closeCallText(c: ClientClose): string {
  return `close(${closeArguments(c).map((a) => (typeof a === 'string' ? JSON.stringify(a) : String(a))).join(', ')})`;
}

/** Codes offered as quick picks for the client's close(): valid ones and the ones that throw. */
export const CLIENT_CLOSE_PICKS = [1000, 3001, 4000, 1001, 1006, 2999, 5000] as const;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** /close with the code, reason and delay the server should use. */
export function serverCloseUrl(base: string, options: { code: number; reason?: string; after?: number }): string {
  return endpointUrl(base, `/close${query({ code: options.code, reason: options.reason, after: options.after || undefined })}`);
}

/** /close?drop=1: the server cuts TCP without a close frame. */
export function dropUrl(base: string, after = 0): string {
  return endpointUrl(base, `/close${query({ drop: 1, after: after || undefined })}`);
}

export function faultUrl(base: string, fault: FaultName): string {
  return endpointUrl(base, `/misbehave${query({ fault })}`);
}

/** A close code explained in one language: its own entry, or the range it falls in. */
export type CodeMeaning = { name: string; text: string };
export type CodeTable = { codes: Record<number, CodeMeaning>; ranges: { from: number; to: number; name: string; text: string }[] };

/** The close-code table in one language only, small enough to hand to an island as a prop. */
export function codeTableFor(lang: 'en' | 'vi'): CodeTable {
  const text = protocolText(lang);
  const codes: Record<number, CodeMeaning> = {};
  for (const entry of CLOSE_CODES) codes[entry.code] = { name: entry.name, text: explain(text, entry.meaning) };
  const ranges = CLOSE_CODE_RANGES.map((r) => ({ from: r.from, to: r.to, name: r.name, text: explain(text, r.meaning) }));
  return { codes, ranges };
}

export function meaningOf(table: CodeTable, code: number): CodeMeaning | null {
  const own = table.codes[code];
  if (own) return own;
  const range = table.ranges.find((r) => code >= r.from && code <= r.to);
  return range ? { name: range.name, text: range.text } : null;
}
