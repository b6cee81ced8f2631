// Configuration, the Origin allow-list and client addresses: pure functions, no sockets.
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { clientAddress, limitKey } from '../address.ts';
import { ConfigError, loadConfig, usage } from '../config.ts';
import { isOriginAllowed, parseOriginList } from '../origin.ts';

describe('loadConfig', () => {
  test('defaults are DESIGN.md’s', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      siteDir: resolve('dist'),
      maxPayload: 65536,
      maxConnectionsPerIp: 20,
      maxConnections: 5000,
      messagesPerSecond: 50,
      heartbeatMs: 30000,
      trustProxy: false,
      log: true,
    });
    expect(isOriginAllowed(config.allowedOrigins, 'http://localhost:4321', 'example.org')).toBe(true);
    expect(isOriginAllowed(config.allowedOrigins, 'https://example.org', 'example.org')).toBe(true);
    expect(isOriginAllowed(config.allowedOrigins, 'https://evil.example', 'example.org')).toBe(false);
  });

  test('kebab-case flags override the environment, in both spellings', () => {
    const config = loadConfig({ PORT: '9000', SITE_DIR: 'x' }, ['--port', '9001', '--site-dir=build', '--trust-proxy']);
    expect(config.port).toBe(9001);
    expect(config.siteDir).toBe(resolve('build'));
    expect(config.trustProxy).toBe(true);
    expect(loadConfig({}, ['--trust-proxy', 'off', '--log-level', 'silent'])).toMatchObject({ trustProxy: false, log: false });
  });

  test('every bad value is reported at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', MAX_PAYLOAD: 'lots', TRUST_PROXY: 'maybe' }, ['--nope', '--heartbeat-ms']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/unknown argument "--nope"/);
    expect(problems).toMatch(/--heartbeat-ms needs a value/);
    expect(problems).toMatch(/PORT must be a whole number from 0 to 65535 \(got "70000"\)/);
    expect(problems).toMatch(/MAX_PAYLOAD must be a whole number/);
    expect(problems).toMatch(/TRUST_PROXY must be on or off/);
  });

  test('ALLOWED_ORIGINS entries must be origins', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://ok.example, not a url' })).toThrow(/"not a url" is not an origin/);
  });

  test('--help text names every variable and its flag', () => {
    expect(usage()).toMatch(/MAX_CONNECTIONS_PER_IP\s+--max-connections-per-ip/);
  });
});

describe('Origin allow-list', () => {
  const policy = parseOriginList('https://school.example, http://localhost:*, null');

  test.each([
    ['https://school.example', true],
    ['https://school.example:443', true],
    ['http://school.example', false],
    ['https://school.example.evil', false],
    ['http://localhost:5173', true],
    ['http://localhost', true],
    ['null', true],
    ['javascript:alert(1)', false],
  ])('%s → %s', (origin, allowed) => {
    expect(isOriginAllowed(policy, origin, 'demo.example')).toBe(allowed);
  });

  test('no Origin header (not a browser) is allowed; * allows everyone', () => {
    expect(isOriginAllowed(policy, undefined, 'x')).toBe(true);
    expect(isOriginAllowed(parseOriginList('*'), 'https://anyone.example', 'x')).toBe(true);
  });

  test('same origin compares host and port, default ports included', () => {
    const none = parseOriginList('');
    expect(isOriginAllowed(none, 'http://demo.example:8080', 'demo.example:8080')).toBe(true);
    expect(isOriginAllowed(none, 'http://demo.example', 'demo.example:80')).toBe(true);
    expect(isOriginAllowed(none, 'http://demo.example:8081', 'demo.example:8080')).toBe(false);
  });
});

describe('client addresses', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;

  test('X-Forwarded-For only with TRUST_PROXY, and only its right-most entry', () => {
    expect(clientAddress(request('10.0.0.1', '1.2.3.4'), false)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1', 'spoofed, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.1', 'garbage'), true)).toBe('10.0.0.1');
  });

  test('IPv4-mapped IPv6 is plain IPv4; IPv6 limits count per /64', () => {
    expect(clientAddress(request('::ffff:192.0.2.7'), false)).toBe('192.0.2.7');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('192.0.2.7')).toBe('192.0.2.7');
  });
});
