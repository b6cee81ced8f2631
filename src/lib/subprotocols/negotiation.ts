// Subprotocol and extension negotiation as the subprotocols lab explains it: what the constructor accepts,
// what the browser sends and keeps, and the handshake headers that carry it.

import type { HeaderLine } from '../inspect/records.ts';
import { protocolRefusal } from '../constructor/construct.ts';
import { callText } from '../constructor/input.ts';

/** The subprotocols the demo server's /echo and /echo-deflate speak (the registry, src/lib/endpoints.ts, uses this list). */
export const ECHO_PROTOCOLS = ['echo', 'json'] as const;

/** Offers the lab suggests: the usual one, the other order, one the server does not speak, a repeat. */
export const PROTOCOL_PRESETS = ['json, echo', 'echo, json', 'chat.v2', 'json, json', ''] as const;

/** "json, echo" → ['json', 'echo'] (empty items dropped, so "" offers nothing). */
export function parseProtocolList(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export type ProtocolCheck = { ok: true } | { ok: false; problem: 'duplicate' | 'token'; name: string };

/**
 * The constructor's own check (WHATWG WebSockets, new WebSocket step "protocols"): each name must be a token
 * and none may repeat, else it throws a SyntaxError before anything is sent.
 */
export function checkProtocols(protocols: readonly string[]): ProtocolCheck {
  const refused = protocolRefusal(protocols);
  if (refused === null) return { ok: true };
  return { ok: false, problem: refused.step, name: refused.protocol };
}

/** The code a page would write for this offer. */
export function constructorCall(url: string, protocols: readonly string[]): string {
  return callText(url, protocols.length === 0 ? undefined : protocols);
}

/**
 * What to expect from this demo server: it picks the first offered name it speaks (client order), and refuses
 * the handshake when it speaks none of them — as a browser would fail a 101 that chose none.
 */
export type Expectation = { kind: 'none' } | { kind: 'chosen'; protocol: string } | { kind: 'refused' };

export function expectFromDemo(protocols: readonly string[], speaks: readonly string[] = ECHO_PROTOCOLS): Expectation {
  if (protocols.length === 0) return { kind: 'none' };
  const chosen = protocols.find((p) => speaks.includes(p));
  return chosen === undefined ? { kind: 'refused' } : { kind: 'chosen', protocol: chosen };
}

/** All values of a header (case-insensitive name), joined as HTTP would combine them. */
export function headerValue(lines: readonly HeaderLine[], name: string): string | null {
  const values = lines.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  return values.length === 0 ? null : values.join(', ');
}

export type ExtensionOffer = { name: string; params: string[] };

/** "permessage-deflate; client_max_window_bits, x-foo" → [{ name, params }, …] (quoted commas not expected). */
export function parseExtensions(value: string): ExtensionOffer[] {
  return value
    .split(',')
    .map((item) => item.split(';').map((p) => p.trim()).filter(Boolean))
    .filter((parts) => parts.length > 0)
    .map(([name, ...params]) => ({ name: name!, params }));
}

/** A repetitive JSON message — the kind of data permessage-deflate shrinks well. */
export function sampleQuotes(count = 24): string {
  const symbols = ['VNM', 'FPT', 'VIC', 'HPG'];
  const quotes = Array.from({ length: count }, (_, i) => ({
    type: 'quote',
    symbol: symbols[i % symbols.length],
    price: 100 + ((i * 37) % 50) / 10,
    volume: 1000 + i * 10,
  }));
  return JSON.stringify(quotes);
}
