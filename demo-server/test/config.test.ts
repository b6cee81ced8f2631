// Configuration, the Origin allow-list and client addresses: pure functions, no sockets.
import { spawnSync } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { clientAddress, limitKey } from '../address.ts';
import { ConfigError, flagOf, loadConfig, readCommandLine, settings, usage } from '../config.ts';
import { isOriginAllowed, parseOriginList } from '../origin.ts';
import { repoRoot } from './helpers.ts';

describe('loadConfig', () => {
  test('defaults are docs/DEMO-SERVER.md’s', () => {
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

  test('--help names every setting, its flag, what it accepts and its default', () => {
    const text = usage();
    expect(text).toMatch(/MAX_CONNECTIONS_PER_IP\s+--max-connections-per-ip/);
    for (const setting of Object.values(settings)) {
      const at = text.indexOf(`${setting.name} `);
      expect(at, setting.name).toBeGreaterThan(-1);
      const entry = text.slice(at, text.indexOf('\n', text.indexOf('\n', at) + 1));
      expect(entry).toContain(flagOf(setting));
      expect(entry).toContain(`accepts ${setting.accepts}`);
      expect(entry).toContain(`default ${setting.fallback === '' ? '(empty)' : setting.fallback}`);
    }
    expect(text).toContain('accepts 0–65535; default 8080');
  });

  test('every setting comes from its variable or its flag, and the flag wins', () => {
    const values: Record<string, [string, string]> = {
      PORT: ['9000', '9001'],
      HOST: ['::1', '0.0.0.0'],
      MAX_PAYLOAD: ['1000', '2000'],
      MAX_CONNECTIONS_PER_IP: ['3', '4'],
      MAX_CONNECTIONS: ['10', '11'],
      MESSAGES_PER_SECOND: ['5', '6'],
      HEARTBEAT_MS: ['1000', '2000'],
      TRUST_PROXY: ['on', 'off'],
      LOG_LEVEL: ['silent', 'info'],
      HEADERS_TIMEOUT_MS: ['200', '300'],
      REQUEST_TIMEOUT_MS: ['400', '500'],
      REDIS_URL: ['redis://a:1', 'redis://b:2'],
      SITE_DIR: ['one', 'two'],
      ALLOWED_ORIGINS: ['https://a.example', 'https://b.example'],
    };
    expect(Object.keys(values).sort()).toEqual(Object.values(settings).map((s) => s.name).sort());
    const env = Object.fromEntries(Object.entries(values).map(([name, [fromEnv]]) => [name, fromEnv]));
    const argv = Object.values(settings).flatMap((s) => [flagOf(s), values[s.name]![1]]);
    const fromEnv = loadConfig(env);
    const fromFlags = loadConfig(env, argv);
    for (const [key, setting] of Object.entries(settings) as [keyof typeof settings, (typeof settings)[keyof typeof settings]][]) {
      const [envRaw, flagRaw] = values[setting.name]!;
      expect(fromEnv[key], setting.name).toEqual((setting.parse(envRaw) as { value: unknown }).value);
      expect(fromFlags[key], setting.name).toEqual((setting.parse(flagRaw) as { value: unknown }).value);
      expect(fromFlags[key], setting.name).not.toEqual(fromEnv[key]);
    }
  });

  test.each(Object.values(settings).filter((s) => /^\d+–\d+$/.test(s.accepts)))('$name: its range is enforced, ends included', (setting) => {
    const [min, max] = setting.accepts.split('–').map(Number) as [number, number];
    const problemsFor = (raw: string): string => {
      try {
        loadConfig({ HEADERS_TIMEOUT_MS: '100', REQUEST_TIMEOUT_MS: '600000', [setting.name]: raw });
        return '';
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
    };
    expect(problemsFor(String(min))).toBe('');
    expect(problemsFor(String(max))).toBe('');
    for (const bad of [String(max + 1), '-1', '1.5', 'ten', '0x10']) {
      if (bad === '-1' && min > 0) continue;
      expect(problemsFor(bad), bad).toContain(`${setting.name} must be a whole number from ${min} to ${max}`);
    }
    if (min > 0) expect(problemsFor(String(min - 1))).toContain(setting.name);
  });

  test('a flag without its value, a stray argument and a flag swallowed as a value are all reported', () => {
    const problems = (argv: string[]): string[] => {
      try {
        loadConfig({}, argv);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems(['--port', '--host', 'example.org'])).toEqual(['--port needs a value']);
    expect(loadConfig({}, ['--trust-proxy', '--port', '9002'])).toMatchObject({ trustProxy: true, port: 9002 });
    expect(problems(['9000'])[0]).toMatch(/unexpected argument "9000"/);
    expect(problems(['-x'])[0]).toMatch(/unknown argument "-x"/);
    expect(problems(['--request-timeout-ms', '5000', '--headers-timeout-ms', '6000'])).toEqual([
      'REQUEST_TIMEOUT_MS must not be shorter than HEADERS_TIMEOUT_MS',
    ]);
  });

  test('--help (or -h) asks for the help text, whatever else is wrong', () => {
    expect(readCommandLine({ PORT: 'bad' }, ['--port', '1', '--help'])).toEqual({ help: true });
    expect(readCommandLine({}, ['-h'])).toEqual({ help: true });
    expect(readCommandLine({}, ['--port', '1'])).toMatchObject({ help: false, config: { port: 1 } });
  });
});

describe('node demo-server/main.ts', () => {
  const run = (argv: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['demo-server/main.ts', ...argv], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });

  test('a bad value: exit code 2, every problem on stderr, and nothing listens', () => {
    const result = run(['--port', '0', '--heartbeat-ms', '5', '--nope'], { MESSAGES_PER_SECOND: 'many' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/HEARTBEAT_MS must be a whole number from 100 to 3600000 \(got "5"\)/);
    expect(result.stderr).toMatch(/MESSAGES_PER_SECOND must be a whole number/);
    expect(result.stderr).toMatch(/unknown argument "--nope"/);
    expect(result.stderr).toMatch(/--help/);
  });

  test('--help: the table on stdout, exit code 0, even with a bad environment', () => {
    const result = run(['--help'], { PORT: 'nope' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${usage()}\n`);
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
