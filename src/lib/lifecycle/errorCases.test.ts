import { describe, expect, it } from 'vitest';
import { ERROR_CASES, errorCaseUrl, EXPECTED } from './errorCases.ts';

describe('errorCaseUrl', () => {
  it('builds each case from the demo server base', () => {
    const urls = Object.fromEntries(ERROR_CASES.map((id) => [id, errorCaseUrl(id, 'ws://127.0.0.1:8080')]));
    expect(urls).toEqual({
      refused: 'ws://127.0.0.1:2/',
      blockedPort: 'ws://127.0.0.1:9/',
      unknownHost: 'ws://does-not-exist.invalid/',
      wrongPath: 'ws://127.0.0.1:8080/no-such-endpoint',
      httpScheme: 'http://127.0.0.1:8080/echo',
      ftpScheme: 'ftp://127.0.0.1:8080/echo',
    });
  });

  it('keeps TLS: wss becomes https, and a path prefix stays', () => {
    expect(errorCaseUrl('httpScheme', 'wss://labs.example.com/ws/')).toBe('https://labs.example.com/ws/echo');
    expect(errorCaseUrl('ftpScheme', 'wss://labs.example.com')).toBe('ftp://labs.example.com/echo');
  });

  it('expects every case to end in error + close, except the scheme cases', () => {
    expect(Object.entries(EXPECTED).filter(([, e]) => e !== 'errorThenClose').map(([id]) => id)).toEqual(['httpScheme', 'ftpScheme']);
  });
});
