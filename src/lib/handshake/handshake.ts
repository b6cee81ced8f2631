// Reading one opening handshake the way a browser and a teacher would: each header line with what the table
// says about it, the headers RFC 6455 requires but the message lacks, and the checks a browser makes on the
// 101 response before it fires `open` (RFC 6455 §4.1, the WHATWG WebSockets Standard). No DOM, no crypto:
// the accept value a browser would expect is computed by the caller (protocol/accept.ts) and passed in.

import type { HandshakeRecord, HeaderLine } from '../inspect/records.ts';
import { isValidClientKey } from '../protocol/accept.ts';
import type { HandshakeHeader, HeaderSide, HeaderUse, SpecRef } from './headers.ts';
import { headerUse, REQUIRED_HEADERS } from './headers.ts';

export type AnnotatedHeader = {
  name: string;
  value: string;
  /** What the table says about this header on this side; null for a header it does not know. */
  known: { header: HandshakeHeader; use: HeaderUse } | null;
};

export function annotateHeaders(lines: readonly HeaderLine[], side: HeaderSide): AnnotatedHeader[] {
  return lines.map(([name, value]) => ({ name, value, known: headerUse(name, side) }));
}

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

/** Required headers (RFC 6455 §4.1 for the request, §4.2.2 for a 101 response) that the lines lack. */
export function missingHeaders(lines: readonly HeaderLine[], side: HeaderSide): string[] {
  return REQUIRED_HEADERS[side].filter((name) => headerValue(lines, name) === null);
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

export type CheckId = 'status' | 'upgrade' | 'connection' | 'accept' | 'extensions' | 'protocol';

export type HandshakeCheck = {
  id: CheckId;
  /** true: passes; false: the browser fails the connection; null: not decided yet (accept still computing). */
  ok: boolean | null;
  /** Which sentence explains the outcome: a suffix for the UI strings (`handshake.check.<key>`). */
  key: string;
  /** Values for the sentence's placeholders. */
  values: Record<string, string>;
  ref: SpecRef;
};

const ref41: SpecRef = { label: 'RFC 6455 §4.1', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-4.1' };
const refWhatwg: SpecRef = {
  label: 'WHATWG WebSockets',
  href: 'https://websockets.spec.whatwg.org/#concept-websocket-establish',
};

/**
 * The checks a browser makes on the server's answer, in the order RFC 6455 §4.1 lists them. `expectedAccept`
 * is base64(SHA-1(key + GUID)) for the request's key, or null while it is being computed.
 */
export function checkResponse(record: HandshakeRecord, expectedAccept: string | null): HandshakeCheck[] {
  const req = record.request.headers;
  const res = record.response.headers;
  const checks: HandshakeCheck[] = [];
  const status = String(record.response.status);
  checks.push({ id: 'status', ok: status === '101', key: status === '101' ? 'status.ok' : 'status.fail', values: { status: statusLine(record).slice(9) }, ref: ref41 });

  const upgrade = headerValue(res, 'Upgrade');
  const upgradeOk = upgrade !== null && upgrade.trim().toLowerCase() === 'websocket';
  checks.push({ id: 'upgrade', ok: upgradeOk, key: upgradeOk ? 'upgrade.ok' : upgrade === null ? 'upgrade.missing' : 'upgrade.fail', values: { value: upgrade ?? '' }, ref: ref41 });

  const connection = headerValue(res, 'Connection');
  const connectionOk = listItems(connection).some((token) => token.toLowerCase() === 'upgrade');
  checks.push({ id: 'connection', ok: connectionOk, key: connectionOk ? 'connection.ok' : connection === null ? 'connection.missing' : 'connection.fail', values: { value: connection ?? '' }, ref: ref41 });

  const accept = headerValue(res, 'Sec-WebSocket-Accept');
  const acceptValues = { value: accept ?? '', expected: expectedAccept ?? '' };
  if (accept === null) checks.push({ id: 'accept', ok: false, key: 'accept.missing', values: acceptValues, ref: ref41 });
  else if (expectedAccept === null) checks.push({ id: 'accept', ok: null, key: 'accept.pending', values: acceptValues, ref: ref41 });
  else {
    const ok = accept.trim() === expectedAccept;
    checks.push({ id: 'accept', ok, key: ok ? 'accept.ok' : 'accept.fail', values: acceptValues, ref: ref41 });
  }

  const offeredExtensions = extensionNames(headerValue(req, 'Sec-WebSocket-Extensions'));
  const acceptedExtensions = extensionNames(headerValue(res, 'Sec-WebSocket-Extensions'));
  const unoffered = acceptedExtensions.filter((name) => !offeredExtensions.includes(name));
  checks.push({
    id: 'extensions',
    ok: unoffered.length === 0,
    key: unoffered.length > 0 ? 'extensions.fail' : acceptedExtensions.length === 0 ? 'extensions.none' : 'extensions.ok',
    values: {
      accepted: headerValue(res, 'Sec-WebSocket-Extensions') ?? '',
      offered: offeredExtensions.join(', '),
      unoffered: unoffered.join(', '),
    },
    ref: ref41,
  });

  const offered = listItems(headerValue(req, 'Sec-WebSocket-Protocol'));
  const chosen = headerValue(res, 'Sec-WebSocket-Protocol')?.trim() ?? null;
  const protocolValues = { chosen: chosen ?? '', offered: offered.join(', ') };
  if (chosen === null) {
    // RFC 6455 lets a server ignore the offer; the WHATWG standard (and so every browser) fails the connection.
    const ok = offered.length === 0;
    checks.push({ id: 'protocol', ok, key: ok ? 'protocol.none' : 'protocol.missing', values: protocolValues, ref: ok ? ref41 : refWhatwg });
  } else {
    const ok = offered.includes(chosen);
    checks.push({ id: 'protocol', ok, key: ok ? 'protocol.ok' : offered.length === 0 ? 'protocol.unasked' : 'protocol.fail', values: protocolValues, ref: ref41 });
  }
  return checks;
}
