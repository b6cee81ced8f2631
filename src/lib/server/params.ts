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
