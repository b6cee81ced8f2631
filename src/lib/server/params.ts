// How an endpoint refuses a handshake and reads its query, shared by the demo server and the page's
// simulated server (src/lib/sim) so both refuse the same URLs with the same status and words.
import type { IntegerParam } from '../endpoints.ts';

/** A refused handshake: the HTTP status and a plain-text reason for the body. */
export interface Rejection {
  status: number;
  reason: string;
  headers?: Record<string, string>;
}

export function rejection(status: number, reason: string, headers?: Record<string, string>): Rejection {
  return headers ? { status, reason, headers } : { status, reason };
}

/** A refusal as it goes on the wire: the status line, the header lines, the plain-text body. */
export interface RefusalResponse {
  lines: string[];
  body: string;
}

/** RFC 9110's reason phrases for every status a handshake is refused with (as Node's http module spells them). */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The HTTP response that refuses a handshake: status line, headers, and the reason as a one-line body. The
 * demo server writes it and the simulator answers with it, so the handshake lab shows the same refusal.
 */
export function refusalResponse(refusal: Rejection): RefusalResponse {
  const body = `${refusal.reason}\n`;
  const lines = [
    `HTTP/1.1 ${refusal.status} ${REASON_PHRASES[refusal.status] ?? ''}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${new TextEncoder().encode(body).length}`,
    'Cache-Control: no-store',
    ...Object.entries(refusal.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  return { lines, body };
}

export function isRejection<T>(value: Rejection | T): value is Rejection {
  return typeof value === 'object' && value !== null && 'status' in value && 'reason' in value;
}

/** Reads a whole-number parameter with the range and default its endpoint declares (src/lib/endpoints.ts). */
export function readInteger(query: URLSearchParams, name: string, spec: IntegerParam): number | Rejection {
  return intParam(query, name, spec.min, spec.max, spec.fallback);
}

/**
 * Reads an optional whole-number query parameter in [min, max]. Returns the fallback when absent,
 * or a Rejection (400) that says what was wrong.
 */
export function intParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number | Rejection {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    return rejection(400, `?${name}= must be a whole number from ${min} to ${max} (got "${raw.slice(0, 40)}")`);
  }
  return value;
}
