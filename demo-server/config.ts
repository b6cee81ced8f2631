// Configuration: environment variables (DESIGN.md's names) overridden by kebab-case CLI flags.
import { resolve } from 'node:path';
import { parseOriginList, type OriginPolicy } from './origin.ts';

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the built site. */
  siteDir: string;
  allowedOrigins: OriginPolicy;
  /** Bytes per message; above it the connection is closed with 1009. */
  maxPayload: number;
  /** Open WebSockets (and, separately, HTTP streams) per client address; 0 = no limit. */
  maxConnectionsPerIp: number;
  /** Open WebSockets in total; further upgrades get 503. */
  maxConnections: number;
  /** Messages per connection per second, sustained; 0 = no limit. */
  messagesPerSecond: number;
  heartbeatMs: number;
  trustProxy: boolean;
  /** One line per connection on stdout; off for tests and benchmarks. */
  log: boolean;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Redis shared with other instances (one chat room, cross-instance inspect); null = alone. */
  redisUrl: string | null;
}

interface Setting {
  name: string;
  help: string;
  fallback: string;
}

/** Every setting, in the order `--help` lists them. */
export const settings: readonly Setting[] = [
  { name: 'PORT', fallback: '8080', help: 'TCP port (0 = any free port)' },
  { name: 'HOST', fallback: '127.0.0.1', help: 'address to listen on (0.0.0.0 for all interfaces)' },
  { name: 'SITE_DIR', fallback: 'dist', help: 'the built site to serve' },
  {
    name: 'ALLOWED_ORIGINS',
    // `null`: the lessons' runnable examples run in sandboxed iframes, whose WebSockets carry `Origin: null`.
    fallback: 'http://localhost:*,http://127.0.0.1:*,null',
    help: 'comma list of page origins allowed to open WebSockets and read /alt/… (same origin always is; * = any; null = sandboxed frames)',
  },
  { name: 'MAX_PAYLOAD', fallback: '65536', help: 'bytes per message (1009 above)' },
  { name: 'MAX_CONNECTIONS_PER_IP', fallback: '20', help: 'connections per client address, 429 above (0 = no limit)' },
  { name: 'MAX_CONNECTIONS', fallback: '5000', help: 'connections in total, 503 above' },
  { name: 'MESSAGES_PER_SECOND', fallback: '50', help: 'messages per connection per second, 1008 above (0 = no limit)' },
  { name: 'HEARTBEAT_MS', fallback: '30000', help: 'ping interval; no pong by the next ping ends the connection' },
  { name: 'TRUST_PROXY', fallback: 'off', help: 'take the client address from X-Forwarded-For (on/off)' },
  { name: 'LOG_LEVEL', fallback: 'info', help: 'info: one line per connection on stdout; silent: none' },
  { name: 'HEADERS_TIMEOUT_MS', fallback: '10000', help: 'time allowed for a request’s headers' },
  { name: 'REQUEST_TIMEOUT_MS', fallback: '15000', help: 'time allowed for a whole request' },
  { name: 'REDIS_URL', fallback: '', help: 'redis://host:port shared by several instances (empty: this instance alone)' },
];

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function usage(): string {
  const lines = settings.map((s) => {
    const flag = `--${s.name.toLowerCase().replaceAll('_', '-')}`;
    return `  ${s.name.padEnd(24)} ${flag.padEnd(26)} ${s.help} [${s.fallback}]`;
  });
  return [
    'Usage: node demo-server/main.ts [--flag value]...',
    '',
    'Each setting comes from an environment variable or the CLI flag of the same name:',
    ...lines,
  ].join('\n');
}

const flagNames = new Map(settings.map((s) => [`--${s.name.toLowerCase().replaceAll('_', '-')}`, s.name]));
const booleanSettings = new Set(['TRUST_PROXY']);

/** Turns `--site-dir dist`, `--port=9000` and a bare `--trust-proxy` into SETTING → value. */
function parseFlags(argv: readonly string[], problems: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const name = flagNames.get(flag);
    if (!name) {
      problems.push(`unknown argument "${arg}" (see --help)`);
      continue;
    }
    if (eq !== -1) {
      values.set(name, arg.slice(eq + 1));
    } else if (booleanSettings.has(name) && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))) {
      values.set(name, 'on');
    } else if (argv[i + 1] === undefined) {
      problems.push(`${flag} needs a value`);
    } else {
      values.set(name, argv[++i]!);
    }
  }
  return values;
}

function integer(name: string, raw: string, min: number, max: number, problems: string[]): number {
  const text = raw.trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return min;
  }
  return value;
}

function boolean(name: string, raw: string, problems: string[]): boolean {
  const text = raw.trim().toLowerCase();
  if (['1', 'on', 'true', 'yes'].includes(text)) return true;
  if (['0', 'off', 'false', 'no', ''].includes(text)) return false;
  problems.push(`${name} must be on or off (got "${raw}")`);
  return false;
}

function logLevel(raw: string, problems: string[]): boolean {
  const text = raw.trim().toLowerCase();
  if (text === 'info') return true;
  if (text === 'silent') return false;
  problems.push(`LOG_LEVEL must be info or silent (got "${raw}")`);
  return true;
}

function redisUrl(raw: string, problems: string[]): string | null {
  const text = raw.trim();
  if (text === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    problems.push(`REDIS_URL must be redis://host:port or rediss://host:port (got "${text.slice(0, 80)}")`);
    return null;
  }
  return text;
}

/**
 * Reads the configuration from `env` (e.g. `process.env`) and `argv` (the arguments after the script).
 * Throws a ConfigError naming every bad value at once.
 */
export function loadConfig(env: Record<string, string | undefined>, argv: readonly string[] = []): Config {
  const problems: string[] = [];
  const flags = parseFlags(argv, problems);
  const get = (name: string): string => {
    const fromFlag = flags.get(name);
    if (fromFlag !== undefined) return fromFlag;
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return settings.find((s) => s.name === name)!.fallback;
  };

  const host = get('HOST').trim();
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) problems.push(`HOST must be a host name or IP address (got "${host}")`);

  let allowedOrigins: OriginPolicy = { any: false, origins: [] };
  try {
    allowedOrigins = parseOriginList(get('ALLOWED_ORIGINS'));
  } catch (error) {
    problems.push(`ALLOWED_ORIGINS: ${(error as Error).message}`);
  }

  const config: Config = {
    port: integer('PORT', get('PORT'), 0, 65535, problems),
    host: host.replace(/^\[(.*)\]$/, '$1'),
    siteDir: resolve(get('SITE_DIR')),
    allowedOrigins,
    maxPayload: integer('MAX_PAYLOAD', get('MAX_PAYLOAD'), 125, 100 * 1024 * 1024, problems),
    maxConnectionsPerIp: integer('MAX_CONNECTIONS_PER_IP', get('MAX_CONNECTIONS_PER_IP'), 0, 1_000_000, problems),
    maxConnections: integer('MAX_CONNECTIONS', get('MAX_CONNECTIONS'), 1, 1_000_000, problems),
    messagesPerSecond: integer('MESSAGES_PER_SECOND', get('MESSAGES_PER_SECOND'), 0, 1_000_000_000, problems),
    heartbeatMs: integer('HEARTBEAT_MS', get('HEARTBEAT_MS'), 100, 3_600_000, problems),
    trustProxy: boolean('TRUST_PROXY', get('TRUST_PROXY'), problems),
    log: logLevel(get('LOG_LEVEL'), problems),
    headersTimeoutMs: integer('HEADERS_TIMEOUT_MS', get('HEADERS_TIMEOUT_MS'), 100, 600_000, problems),
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', get('REQUEST_TIMEOUT_MS'), 100, 600_000, problems),
    redisUrl: redisUrl(get('REDIS_URL'), problems),
  };
  if (config.requestTimeoutMs < config.headersTimeoutMs) {
    problems.push('REQUEST_TIMEOUT_MS must not be shorter than HEADERS_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
