import { describe, expect, it } from 'vitest';
import { findHeader, HANDSHAKE_HEADERS, headerAnchor, headerUse, REQUIRED_HEADERS } from './headers.ts';

const VIETNAMESE_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('handshake header table', () => {
  it('explains every header of RFC 6455 §1.3 and §4, and the ones a browser adds', () => {
    for (const name of [
      'Host', 'Upgrade', 'Connection', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version', 'Origin',
      'Sec-WebSocket-Protocol', 'Sec-WebSocket-Extensions', 'Sec-WebSocket-Accept',
      'User-Agent', 'Cookie', 'Pragma', 'Cache-Control', 'Accept-Encoding', 'Accept-Language',
    ]) {
      expect(findHeader(name), name).not.toBeNull();
    }
  });

  it('looks names up case-insensitively, as HTTP compares them', () => {
    expect(findHeader('sec-websocket-key')?.name).toBe('Sec-WebSocket-Key');
    expect(findHeader('  UPGRADE ')?.name).toBe('Upgrade');
    expect(findHeader('X-Unknown-Thing')).toBeNull();
  });

  it('knows which side of the handshake a header belongs to', () => {
    expect(headerUse('Sec-WebSocket-Key', 'request')?.use.role).toBe('required');
    expect(headerUse('Sec-WebSocket-Key', 'response')).toBeNull();
    expect(headerUse('Sec-WebSocket-Accept', 'response')?.use.role).toBe('required');
    expect(headerUse('Sec-WebSocket-Accept', 'request')).toBeNull();
    expect(headerUse('Origin', 'request')?.use.role).toBe('browser');
    expect(headerUse('Sec-WebSocket-Protocol', 'request')?.use.role).toBe('optional');
    expect(headerUse('Sec-WebSocket-Protocol', 'response')?.use.role).toBe('optional');
    expect(headerUse('Cookie', 'request')?.use.role).toBe('http');
    expect(headerUse('X-Forwarded-For', 'request')?.use.role).toBe('proxy');
  });

  it('explains the headers of a refusal as a refusal, not as a 101 would use them', () => {
    expect(headerUse('Connection', 'response', true)?.use.en).toMatch(/^`close`/);
    expect(headerUse('Connection', 'response')?.use.role).toBe('required');
    for (const name of ['Content-Type', 'Content-Length', 'Cache-Control']) {
      expect(headerUse(name, 'response', true), name).not.toBeNull();
      expect(headerUse(name, 'request', true)?.use.en ?? '', name).not.toMatch(/refusal/);
    }
    expect(headerUse('Content-Type', 'response')).toBeNull();
    // Headers with a response use only keep it in a refusal.
    expect(headerUse('Retry-After', 'response', true)?.use.role).toBe('refusal');
    expect(headerUse('Sec-WebSocket-Version', 'response', true)?.use.role).toBe('refusal');
  });

  it('marks exactly the headers RFC 6455 requires as required', () => {
    for (const side of ['request', 'response'] as const) {
      const required = HANDSHAKE_HEADERS.filter((h) => h[side]?.role === 'required').map((h) => h.name);
      expect(required.sort()).toEqual([...REQUIRED_HEADERS[side]].sort());
    }
  });

  it('gives each header a unique deep-link id', () => {
    expect(headerAnchor('Sec-WebSocket-Key')).toBe('header-sec-websocket-key');
    const ids = HANDSHAKE_HEADERS.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const h of HANDSHAKE_HEADERS) expect(h.id).toMatch(/^header-[a-z0-9-]+$/);
  });

  it('cites a section for every header, and RFC 6455 for every Sec-WebSocket-* header', () => {
    for (const h of HANDSHAKE_HEADERS) {
      expect(h.refs.length, h.name).toBeGreaterThan(0);
      for (const ref of h.refs) expect(ref.href, h.name).toMatch(/^https:\/\//);
      if (h.name.startsWith('Sec-WebSocket-')) {
        expect(h.refs.some((r) => r.label.startsWith('RFC 6455 §11.3')), h.name).toBe(true);
      }
    }
    expect(findHeader('Sec-WebSocket-Accept')?.refs.map((r) => r.label)).toContain('RFC 6455 §4.2.2');
    expect(findHeader('Origin')?.refs.map((r) => r.href)).toContain('https://www.rfc-editor.org/rfc/rfc6455#section-10.2');
  });

  it('explains every use in English and in Vietnamese', () => {
    for (const h of HANDSHAKE_HEADERS) {
      const uses = [h.request, h.response, h.refusal].filter((u) => u !== undefined);
      expect(uses.length, h.name).toBeGreaterThan(0);
      for (const use of uses) {
        expect(use.en.length, h.name).toBeGreaterThan(20);
        expect(use.vi.length, h.name).toBeGreaterThan(20);
        expect(use.vi, h.name).toMatch(VIETNAMESE_LETTERS);
        expect(use.vi, h.name).not.toBe(use.en);
      }
    }
  });
});
