// Reading values out of handshake header lines: names compare case-insensitively, repeated lines combine, lists
// split on commas. No table and no DOM, so the lab can load it up front and the header table only when needed.

import type { HandshakeRecord, HeaderLine } from '../inspect/records.ts';
import { isValidClientKey } from '../protocol/accept.ts';

/** Every value of a header (names compare case-insensitively), in the order they appeared. */
export function headerValues(lines: readonly HeaderLine[], name: string): string[] {
  const wanted = name.toLowerCase();
  return lines.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** A header's value, repeated lines combined with ", " as HTTP does (RFC 9110 §5.3); null when absent. */
export function headerValue(lines: readonly HeaderLine[], name: string): string | null {
  const values = headerValues(lines, name);
  return values.length === 0 ? null : values.join(', ');
}

/** The items of a comma-separated header value, trimmed, empty ones dropped. */
export function listItems(value: string | null): string[] {
  if (value === null) return [];
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** Extension names from a Sec-WebSocket-Extensions value: `permessage-deflate; client_max_window_bits` → name only. */
export function extensionNames(value: string | null): string[] {
  return listItems(value).map((item) => item.split(';')[0]!.trim().toLowerCase()).filter((name) => name !== '');
}

export function requestLine(record: HandshakeRecord): string {
  return `${record.request.method} ${record.request.path} HTTP/1.1`;
}

const REASONS: Record<number, string> = {
  101: 'Switching Protocols',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export function statusLine(record: HandshakeRecord): string {
  const reason = record.response.statusText || REASONS[record.response.status] || '';
  return `HTTP/1.1 ${record.response.status}${reason ? ` ${reason}` : ''}`;
}

/** The 16 bytes a well-formed Sec-WebSocket-Key stands for, as spaced hex; null when it is not one. */
export function keyBytesHex(key: string): string | null {
  if (!isValidClientKey(key)) return null;
  const binary = atob(key);
  return Array.from(binary, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');
}

/** The `session` query parameter the inspector adds to the tapped URL, if the request path carries one. */
export function sessionOf(path: string): string | null {
  const query = path.indexOf('?');
  if (query === -1) return null;
  return new URLSearchParams(path.slice(query + 1)).get('session');
}
