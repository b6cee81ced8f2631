// The constructor lab's own inputs, read the way a page would write them: the second argument as a JavaScript
// value (a string or an array of strings, or left out), and the page's address that relative URLs resolve
// against. Mistakes here are the reader's typing, not the constructor's: they get their own messages.
import type { ProtocolsArgument } from './construct.ts';

export type ProtocolsInput = { ok: true; value: ProtocolsArgument } | { ok: false; problem: 'json' | 'type' };

/**
 * '' → argument left out; '"chat"' → a string; '["a", "b"]' → an array. Written as JSON, so what the reader
 * types is exactly what is passed. Array items that are not strings are converted as Web IDL converts them
 * to DOMString (String()), which is what the constructor would see.
 */
export function parseProtocolsInput(text: string): ProtocolsInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: 'json' };
  }
  if (typeof value === 'string') return { ok: true, value };
  if (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))) {
    return { ok: true, value: value.map((item) => String(item)) };
  }
  return { ok: false, problem: 'type' };
}

/** How the call reads in code: `new WebSocket("/echo")`, `new WebSocket("/echo", ["a", "b"])`. */
export function callText(url: string, protocols: ProtocolsArgument): string {
  return protocols === undefined ? `new WebSocket(${JSON.stringify(url)})` : `new WebSocket(${JSON.stringify(url)}, ${JSON.stringify(protocols)})`;
}

/** The page address, when it is one a browser could show a WebSocket-using page from (http: or https:). */
export function parsePageAddress(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
