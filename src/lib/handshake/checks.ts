// The checks a browser makes on the server's 101 response before it fires `open` (RFC 6455 §4.1, and the
// WHATWG WebSockets Standard for a missing subprotocol). The expected accept value is computed by the caller
// (protocol/accept.ts, asynchronous) and passed in.

import type { KeysUnder } from '../../i18n/format.ts';
import type { HandshakeRecord } from '../inspect/records.ts';
import type { SpecRef } from './headers.ts';
import { extensionNames, headerValue, listItems, statusLine } from './values.ts';

export type CheckId = 'status' | 'upgrade' | 'connection' | 'accept' | 'extensions' | 'protocol';

export type HandshakeCheck = {
  id: CheckId;
  /** true: passes; false: the browser fails the connection; null: not decided yet (accept still computing). */
  ok: boolean | null;
  /** Which sentence explains the outcome: a suffix for the UI strings (`handshake.check.<key>`). */
  key: KeysUnder<'handshake.check.'>;
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
 * The checks a browser makes on the server's answer, in the order RFC 6455 §4.1 lists them; for a status
 * other than 101 only the first, which fails. `expectedAccept`
 * is base64(SHA-1(key + GUID)) for the request's key, or null while it is being computed.
 */
export function checkResponse(record: HandshakeRecord, expectedAccept: string | null): HandshakeCheck[] {
  const req = record.request.headers;
  const res = record.response.headers;
  const checks: HandshakeCheck[] = [];
  const status = String(record.response.status);
  checks.push({ id: 'status', ok: status === '101', key: status === '101' ? 'status.ok' : 'status.fail', values: { status: statusLine(record).slice(9) }, ref: ref41 });
  // Any other status is an ordinary HTTP answer (a refusal, a redirect…): the browser fails the connection
  // right there, and none of the WebSocket headers below is looked at (a refusal does not send them).
  if (status !== '101') return checks;

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
