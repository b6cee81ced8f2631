import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { REASON_PHRASES, refusalResponse, rejection } from './params.ts';

describe('refusalResponse', () => {
  it('writes the status line, the plain-text headers and the reason as a one-line body', () => {
    const { lines, body } = refusalResponse(rejection(429, 'Too many connections from your address (at most 20)', { 'Retry-After': '10' }));
    expect(lines).toEqual([
      'HTTP/1.1 429 Too Many Requests',
      'Connection: close',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Length: 52',
      'Cache-Control: no-store',
      'Retry-After: 10',
    ]);
    expect(body).toBe('Too many connections from your address (at most 20)\n');
  });

  it('counts Content-Length in UTF-8 bytes, not characters', () => {
    const { lines, body } = refusalResponse(rejection(400, 'Bad session: “ä”'));
    expect(lines).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
  });

  it('keeps the space after an unknown status code, as the status-line grammar requires', () => {
    expect(refusalResponse(rejection(418, 'x')).lines[0]).toBe('HTTP/1.1 418 ');
  });

  it('spells every reason phrase as Node does, so the demo server and the simulator agree', () => {
    for (const [status, phrase] of Object.entries(REASON_PHRASES)) expect(phrase).toBe(STATUS_CODES[status]);
  });
});
