// Configuration: each setting declared once (its variable, what it accepts, its default, its help), read from
// the environment and overridden by the kebab-case flag of the same name, which node:util's parseArgs reads.
// docs/DEMO-SERVER.md, "Configuration", lists them; `--help` prints the same table from here.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOriginList, type OriginPolicy } from './origin.ts';
import { DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_PAYLOAD, DEFAULT_MESSAGES_PER_SECOND } from '../src/lib/server/limits.ts';

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

/** A value read, or why it cannot be. */
type Parsed<T> = { value: T } | { problem: string };

export interface Setting<T> {
  /** The environment variable; the flag is its kebab case (`MAX_PAYLOAD` → `--max-payload`). */
  readonly name: string;
  readonly help: string;
  /** What it accepts, as `--help` and the errors say it (`0–65535`, `on | off`…). */
  readonly accepts: string;
  /** The value when neither the flag nor the variable is set. */
  readonly fallback: string;
  readonly parse: (raw: string) => Parsed<T>;
}

function integer(name: string, min: number, max: number, fallback: number, help: string): Setting<number> {
  const accepts = `${min}–${max}`;
  return {
    name,
    help,
    accepts,
    fallback: String(fallback),
    parse(raw) {
      const text = raw.trim();
      const value = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        return { problem: `${name} must be a whole number from ${min} to ${max} (got "${raw.slice(0, 40)}")` };
      }
      return { value };
    },
  };
}

/** One of a few words, each standing for a value. */
function oneOf<T>(name: string, words: Record<string, T>, fallback: string, help: string, accepts = Object.keys(words).join(' | ')): Setting<T> {
  return {
    name,
    help,
    accepts,
    fallback,
    parse(raw) {
      const text = raw.trim().toLowerCase();
      if (Object.hasOwn(words, text)) return { value: words[text]! };
      return { problem: `${name} must be ${accepts.replaceAll(' | ', ' or ')} (got "${raw.slice(0, 40)}")` };
    },
  };
}

const onOff = { on: true, off: false, true: true, false: false, yes: true, no: false, '1': true, '0': false, '': false };

/** Every setting, in the order `--help` lists them; the mapped type makes a Config field without one an error. */
export const settings: { readonly [K in keyof Config]: Setting<Config[K]> } = {
  port: integer('PORT', 0, 65535, 8080, 'TCP port (0 = any free port, printed at start)'),
  host: {
    name: 'HOST',
    help: 'address to listen on (0.0.0.0 or :: for all interfaces)',
    accepts: 'host name or IP address',
    fallback: '127.0.0.1',
    parse(raw) {
      const host = raw.trim();
      if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) return { problem: `HOST must be a host name or IP address (got "${host.slice(0, 80)}")` };
      return { value: host.replace(/^\[(.*)\]$/, '$1') };
    },
  },
  siteDir: {
    name: 'SITE_DIR',
    help: 'the built site to serve (absent: only the endpoints)',
    accepts: 'directory',
    fallback: 'dist',
    parse: (raw) => ({ value: resolve(raw) }),
  },
  allowedOrigins: {
    name: 'ALLOWED_ORIGINS',
    help: 'page origins allowed to open WebSockets and read /alt/… besides the same origin (* = any; null = sandboxed frames)',
    accepts: 'comma list of origins, * or null',
    // `null`: the lessons' runnable examples run in sandboxed iframes, whose WebSockets carry `Origin: null`.
    fallback: 'http://localhost:*,http://127.0.0.1:*,null',
    parse(raw) {
      try {
        return { value: parseOriginList(raw) };
      } catch (error) {
        return { problem: `ALLOWED_ORIGINS: ${(error as Error).message}` };
      }
    },
  },
  maxPayload: integer('MAX_PAYLOAD', 125, 100 * 1024 * 1024, DEFAULT_MAX_PAYLOAD, 'bytes per message, fragments summed (1009 above)'),
  maxConnectionsPerIp: integer('MAX_CONNECTIONS_PER_IP', 0, 1_000_000, DEFAULT_MAX_CONNECTIONS_PER_IP, 'WebSockets (and, apart, HTTP streams) per client address, 429 above (0 = no limit)'),
  maxConnections: integer('MAX_CONNECTIONS', 1, 1_000_000, 5000, 'WebSockets in total, 503 above'),
  messagesPerSecond: integer('MESSAGES_PER_SECOND', 0, 1_000_000_000, DEFAULT_MESSAGES_PER_SECOND, 'messages per connection per second, 1008 above (0 = no limit)'),
  heartbeatMs: integer('HEARTBEAT_MS', 100, 3_600_000, 30000, 'ping interval; no pong by the next ping ends the connection'),
  trustProxy: oneOf('TRUST_PROXY', onOff, 'off', 'take the client address from X-Forwarded-For (only behind your own proxy)', 'on | off'),
  log: oneOf('LOG_LEVEL', { info: true, silent: false }, 'info', 'info: one line per connection on stdout; silent: none'),
  headersTimeoutMs: integer('HEADERS_TIMEOUT_MS', 100, 600_000, 10000, 'time allowed for a request’s headers (408 after)'),
  requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 100, 600_000, 15000, 'time allowed for a whole request (not less than HEADERS_TIMEOUT_MS)'),
  redisUrl: {
    name: 'REDIS_URL',
    help: 'Redis shared by several instances (empty: this instance alone, in memory)',
    accepts: 'redis://host:port, rediss://… or empty',
    fallback: '',
    parse(raw) {
      const text = raw.trim();
      if (text === '') return { value: null };
      let url: URL | null = null;
      try {
        url = new URL(text);
      } catch {
        // reported below
      }
      if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
        return { problem: `REDIS_URL must be redis://host:port or rediss://host:port (got "${text.slice(0, 80)}")` };
      }
      return { value: text };
    },
  },
};

type AnySetting = Setting<Config[keyof Config]>;
const all = Object.entries(settings) as [keyof Config, AnySetting][];

export function flagOf(setting: { name: string }): string {
  return `--${setting.name.toLowerCase().replaceAll('_', '-')}`;
}

/** Flags that may stand alone: `--trust-proxy` means on. */
const switches = new Set<AnySetting>([settings.trustProxy]);

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function usage(): string {
  const lines = all.flatMap(([, s]) => [
    `  ${s.name.padEnd(24)} ${flagOf(s).padEnd(26)} ${s.help}`,
    `  ${''.padEnd(24)} ${''.padEnd(26)} accepts ${s.accepts}; default ${s.fallback === '' ? '(empty)' : s.fallback}`,
  ]);
  return [
    'Usage: node demo-server/main.ts [--flag value | --flag=value]...   (npm run serve -- --flag value)',
    '',
    'Each setting comes from its environment variable, or from its flag, which wins:',
    ...lines,
    '',
    '  --help, -h   this text',
    'A bad value stops the server with exit code 2, naming every problem.',
  ].join('\n');
}

const byFlag = new Map(all.map(([, s]) => [flagOf(s).slice(2), s]));
const parseOptions = {
  ...Object.fromEntries(all.map(([, s]) => [flagOf(s).slice(2), { type: 'string' as const }])),
  help: { type: 'boolean' as const, short: 'h' },
};

/**
 * The flags in `argv`, by setting. parseArgs reads them (`--port 9000`, `--port=9000`) in its lenient mode,
 * so that every problem can be reported at once rather than the first one thrown: lenient, it takes the
 * next argument as a value even when that is another flag, so such a flag is read again from there.
 */
function readFlags(argv: readonly string[], problems: string[]): { help: boolean; values: Map<AnySetting, string> } {
  const values = new Map<AnySetting, string>();
  let help = false;
  const { tokens } = parseArgs({ args: [...argv], options: parseOptions, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      problems.push(`unexpected argument "${token.value.slice(0, 40)}" (flags are --name value; see --help)`);
      continue;
    }
    if (token.kind !== 'option') continue; // `--`: what follows is positional, reported above
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const setting = byFlag.get(token.name);
    if (!setting) {
      problems.push(`unknown argument "${token.rawName.slice(0, 40)}" (see --help)`);
      continue;
    }
    const swallowed = !token.inlineValue && token.value?.startsWith('-') === true;
    if (token.value === undefined || swallowed) {
      if (switches.has(setting)) values.set(setting, 'on');
      else problems.push(`${token.rawName} needs a value`);
      if (swallowed) {
        const rest = readFlags(argv.slice(token.index + 1), problems);
        for (const [s, value] of rest.values) values.set(s, value);
        return { help: help || rest.help, values };
      }
      continue;
    }
    values.set(setting, token.value);
  }
  return { help, values };
}

export type CommandLine = { help: true } | { help: false; config: Config };

/** What the command line asks for: the help text, or a server with this configuration (ConfigError if bad). */
export function readCommandLine(env: Record<string, string | undefined>, argv: readonly string[]): CommandLine {
  const problems: string[] = [];
  const flags = readFlags(argv, problems);
  return flags.help ? { help: true } : { help: false, config: build(env, flags.values, problems) };
}

/**
 * Reads the configuration from `env` (e.g. `process.env`) and `argv` (the arguments after the script).
 * Throws a ConfigError naming every bad value at once.
 */
export function loadConfig(env: Record<string, string | undefined>, argv: readonly string[] = []): Config {
  const problems: string[] = [];
  return build(env, readFlags(argv, problems).values, problems);
}

function build(env: Record<string, string | undefined>, flags: ReadonlyMap<AnySetting, string>, problems: string[]): Config {
  const config = {} as Record<keyof Config, unknown>;
  for (const [key, setting] of all) {
    const fromEnv = env[setting.name];
    const raw = flags.get(setting) ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : setting.fallback);
    const parsed = setting.parse(raw);
    if ('problem' in parsed) problems.push(parsed.problem);
    else config[key] = parsed.value;
  }
  const { headersTimeoutMs, requestTimeoutMs } = config as Partial<Config>;
  if (headersTimeoutMs !== undefined && requestTimeoutMs !== undefined && requestTimeoutMs < headersTimeoutMs) {
    problems.push('REQUEST_TIMEOUT_MS must not be shorter than HEADERS_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as unknown as Config;
}
