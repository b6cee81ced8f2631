// Each header line with what the table says about it on its side of the handshake, and the headers RFC 6455
// requires that a message lacks.

import type { HeaderLine } from '../inspect/records.ts';
import type { HandshakeHeader, HeaderSide, HeaderUse } from './headers.ts';
import { headerUse, REQUIRED_HEADERS } from './headers.ts';
import { headerValue } from './values.ts';

export type AnnotatedHeader = {
  name: string;
  value: string;
  /** What the table says about this header on this side; null for a header it does not know. */
  known: { header: HandshakeHeader; use: HeaderUse } | null;
};

/** `refused`: the lines are those of a response that refused the handshake (any status but 101). */
export function annotateHeaders(lines: readonly HeaderLine[], side: HeaderSide, refused = false): AnnotatedHeader[] {
  return lines.map(([name, value]) => ({ name, value, known: headerUse(name, side, refused) }));
}

/** Required headers (RFC 6455 §4.1 for the request, §4.2.2 for a 101 response) that the lines lack. */
export function missingHeaders(lines: readonly HeaderLine[], side: HeaderSide): string[] {
  return REQUIRED_HEADERS[side].filter((name) => headerValue(lines, name) === null);
}
