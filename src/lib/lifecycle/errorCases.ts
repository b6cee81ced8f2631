// The error lab's cases: different reasons a WebSocket cannot connect, and the URL that provokes each.
// The standard makes the page see the same thing for the network failures (error, then close 1006), on purpose.
import { endpointUrl, httpBaseFrom } from '../server/url.ts';

export const ERROR_CASES = ['refused', 'blockedPort', 'unknownHost', 'wrongPath', 'httpScheme', 'ftpScheme'] as const;
export type ErrorCaseId = (typeof ERROR_CASES)[number];

/** Port 2 is unassigned in practice and not on the browsers' blocked list, so the OS answers with a refusal. */
export const REFUSED_URL = 'ws://127.0.0.1:2/';
/** Port 9 (discard) is on the Fetch standard's list of bad ports: the browser refuses before any packet is sent. */
export const BLOCKED_PORT_URL = 'ws://127.0.0.1:9/';
/** .invalid is reserved (RFC 2606, RFC 6761): it never resolves. */
export const UNKNOWN_HOST_URL = 'ws://does-not-exist.invalid/';
export const WRONG_PATH = '/no-such-endpoint';

/**
 * What Chromium's DevTools console prints for each failure — the reason the developer sees and the page never does.
 * (Other browsers word it differently; the page sees the same events everywhere.)
 */
export const CHROMIUM_CONSOLE: Record<ErrorCaseId, string | null> = {
  refused: 'net::ERR_CONNECTION_REFUSED',
  blockedPort: 'net::ERR_UNSAFE_PORT',
  unknownHost: 'net::ERR_NAME_NOT_RESOLVED',
  wrongPath: 'Error during WebSocket handshake: Unexpected response code: 404',
  httpScheme: null,
  ftpScheme: null,
};

/** What the standard says the page will see. */
export type Expectation = 'errorThenClose' | 'opens' | 'throws';

export const EXPECTED: Record<ErrorCaseId, Expectation> = {
  refused: 'errorThenClose',
  blockedPort: 'errorThenClose',
  unknownHost: 'errorThenClose',
  wrongPath: 'errorThenClose',
  httpScheme: 'opens',
  ftpScheme: 'throws',
};

/** The URL a case uses, given the demo server's base (ws://host:port or wss://host). */
export function errorCaseUrl(id: ErrorCaseId, base: string): string {
  const b = base.replace(/\/+$/, '');
  switch (id) {
    case 'refused':
      return REFUSED_URL;
    case 'blockedPort':
      return BLOCKED_PORT_URL;
    case 'unknownHost':
      return UNKNOWN_HOST_URL;
    case 'wrongPath':
      return endpointUrl(b, WRONG_PATH);
    case 'httpScheme':
      return endpointUrl(httpBaseFrom(b), '/echo');
    case 'ftpScheme':
      return endpointUrl(b.replace(/^wss?:/, 'ftp:'), '/echo');
  }
}
