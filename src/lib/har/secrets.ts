// What in a recorded connection could let someone else act as you: cookies, credentials, tokens in headers or
// in the URL's query. Found before anything is shown, and replaced in every export unless the reader says not to.

import type { HeaderLine } from '../inspect/records.ts';

export type Secret = { where: 'request' | 'response' | 'query'; name: string };

export const REDACTED = '[redacted]';

// The handshake's own headers look like secrets by name (Sec-WebSocket-Key) but are single-use nonces.
const HANDSHAKE_HEADERS = new Set(['sec-websocket-key', 'sec-websocket-accept', 'sec-websocket-version', 'sec-websocket-extensions']);
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization', 'sec-websocket-protocol']);
const SECRET_WORDS = /token|auth|secret|session|password|passwd|api[-_]?key|credential|jwt|signature|ticket/i;
const SECRET_PARAMS = /^(token|access_token|id_token|refresh_token|auth|authorization|key|api_key|apikey|secret|session|sessionid|sid|password|pass|jwt|sig|signature|ticket|code|x-amz-signature|x-amz-credential)$/i;

/**
 * Is this header a secret? `Sec-WebSocket-Protocol` counts: it is the one header a browser lets a page set,
 * so it is where apps smuggle tokens.
 */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (HANDSHAKE_HEADERS.has(lower)) return false;
  return SECRET_HEADERS.has(lower) || SECRET_WORDS.test(lower);
}

export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.test(name) || SECRET_WORDS.test(name);
}

function queryNames(url: string): string[] {
  try {
    return [...new URL(url).searchParams.keys()];
  } catch {
    return [];
  }
}

/** Every sensitive header and query parameter, each once, in the order found. */
export function findSecrets(url: string, request: readonly HeaderLine[], response: readonly HeaderLine[]): Secret[] {
  const found: Secret[] = [];
  const seen = new Set<string>();
  const add = (where: Secret['where'], name: string) => {
    const key = `${where}:${name.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push({ where, name });
    }
  };
  for (const name of queryNames(url)) if (isSecretParam(name)) add('query', name);
  for (const [name] of request) if (isSecretHeader(name)) add('request', name);
  for (const [name] of response) if (isSecretHeader(name)) add('response', name);
  return found;
}

export function redactHeaders(lines: readonly HeaderLine[]): HeaderLine[] {
  return lines.map(([name, value]) => [name, isSecretHeader(name) ? REDACTED : value]);
}

/** The URL with secret query values replaced (names kept, so the reader still sees what was there). */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSecretParam(name)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

/** A request path (`/echo?token=…`) with secret query values replaced. */
export function redactPath(path: string): string {
  const full = redactUrl(new URL(path, 'http://x').toString());
  const parsed = new URL(full);
  return parsed.pathname + parsed.search;
}
