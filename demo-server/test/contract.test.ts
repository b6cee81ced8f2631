// The contract (docs/DEMO-SERVER.md) against its sources of truth, so neither can drift: every endpoint,
// parameter (range, default), subprotocol and setting the code declares is documented, nothing documented
// is gone, and the running server refuses each parameter outside its declared range.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ENDPOINT_PARAMS,
  ENDPOINT_PROTOCOLS,
  HTTP_PATHS,
  WEBSOCKET_PATHS,
  type IntegerParam,
  type QueryParam,
} from '../../src/lib/endpoints.ts';
import { flagOf, settings } from '../config.ts';
import { open, refusal, repoRoot, sharedServer } from './helpers.ts';

const doc = readFileSync(join(repoRoot, 'docs/DEMO-SERVER.md'), 'utf8');
const ALL_PATHS = [...WEBSOCKET_PATHS, ...HTTP_PATHS];

/** The text under "### `path`", up to the next heading of level 2 or 3. */
function section(path: string): string {
  const heading = `\n### \`${path}\`\n`;
  const at = doc.indexOf(heading);
  if (at === -1) return '';
  const rest = doc.slice(at + heading.length);
  const end = rest.search(/\n#{2,3} /);
  return end === -1 ? rest : rest.slice(0, end);
}

/** "- `name`…" lines of a section: the parameters it documents. */
function paramLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^- `([a-z]+)`/.exec(line);
    if (match) lines.set(match[1]!, line);
  }
  return lines;
}

function expectDocumented(path: string, name: string, param: QueryParam, line: string | undefined): void {
  const where = `${path} ?${name}=`;
  expect(line, `${where} is not documented`).toBeDefined();
  if (param.kind === 'integer') {
    expect(line, where).toContain(`${param.min}–${param.max}`);
    expect(line, where).toContain(`default ${param.fallback}`);
  } else if (param.kind === 'choice') {
    for (const value of param.values) expect(line, where).toContain(`\`${value}\``);
    if (param.fallback === undefined) expect(line, where).toContain('(required)');
    else expect(line, where).toContain(`default \`${param.fallback}\``);
  } else if (param.required) {
    expect(line, where).toContain('(required)');
  } else {
    expect(line, where).not.toContain('(required)');
  }
}

describe('docs/DEMO-SERVER.md documents the registry', () => {
  test('one section per endpoint, each in the table at a glance, and none for an endpoint that is gone', () => {
    const headings = [...doc.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    expect(headings).toEqual(expect.arrayContaining(ALL_PATHS));
    expect(headings.length).toBe(ALL_PATHS.length);
    const glance = doc.slice(doc.indexOf('## At a glance'), doc.indexOf('\n## ', doc.indexOf('## At a glance') + 1));
    const rows = [...glance.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(rows)).toEqual(new Set(ALL_PATHS));
    expect(rows.length).toBe(ALL_PATHS.length);
  });

  test.each(ALL_PATHS)('%s: every parameter with its range and default, and no other', (path) => {
    const lines = paramLines(section(path));
    const params = ENDPOINT_PARAMS[path];
    for (const [name, param] of Object.entries(params)) expectDocumented(path, name, param, lines.get(name));
    expect([...lines.keys()].sort()).toEqual(Object.keys(params).sort());
  });

  test.each(WEBSOCKET_PATHS)('%s: its subprotocols', (path) => {
    const line = section(path)
      .split('\n')
      .find((l) => l.startsWith('Subprotocols: '));
    expect(line, `${path} has no "Subprotocols:" line`).toBeDefined();
    const protocols = ENDPOINT_PROTOCOLS[path];
    if (protocols.length === 0) expect(line).toBe('Subprotocols: none');
    else expect([...line!.matchAll(/`([^`]+)`/g)].map((m) => m[1])).toEqual([...protocols]);
  });

  test('the configuration table: every setting with its flag, what it accepts and its default', () => {
    const table = doc.slice(doc.indexOf('\n## Configuration'), doc.indexOf('\n## ', doc.indexOf('\n## Configuration') + 1));
    const rows = new Map<string, string[]>();
    for (const line of table.split('\n')) {
      if (!line.startsWith('| `')) continue;
      const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim().replaceAll('\\|', '|'));
      rows.set(cells[0]!.replaceAll('`', ''), cells);
    }
    const all = Object.values(settings);
    expect([...rows.keys()].sort()).toEqual(all.map((s) => s.name).sort());
    for (const setting of all) {
      const [, flag, accepts, fallback] = rows.get(setting.name)!;
      expect(flag, setting.name).toBe(`\`${flagOf(setting)}\``);
      expect(accepts, setting.name).toBe(setting.accepts);
      expect(fallback, setting.name).toBe(setting.fallback === '' ? '(empty)' : setting.fallback);
    }
  });

  test('the README links to the contract and the architecture', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('docs/DEMO-SERVER.md');
    expect(readme).toContain('docs/ARCHITECTURE.md');
  });
});

describe('the server refuses what the registry says is out of range', () => {
  const server = sharedServer({ MAX_CONNECTIONS_PER_IP: '0' });

  /** Other parameters a value needs to be accepted (firehose: rate × size ≤ 2 MiB/s). */
  const companions: Record<string, string> = { '/firehose size': 'rate=1', '/chat': 'nick=ana' };
  const queryFor = (path: string, name: string, value: string): string => {
    const extra = companions[`${path} ${name}`] ?? companions[path];
    return `${path}?${name}=${value}${extra ? `&${extra}` : ''}`;
  };

  const integerParams = (paths: readonly string[]) =>
    paths.flatMap((path) =>
      Object.entries(ENDPOINT_PARAMS[path as keyof typeof ENDPOINT_PARAMS])
        .filter((entry): entry is [string, IntegerParam] => entry[1].kind === 'integer' && !entry[1].lenient)
        .map(([name, param]) => ({ path, name, param })),
    );

  test.each(integerParams(WEBSOCKET_PATHS))('$path ?$name=: both ends accepted, one past either end refused with 400', async ({ path, name, param }) => {
    for (const value of [param.min, param.max]) {
      const ws = await open(server.url(queryFor(path, name, String(value))));
      ws.terminate();
    }
    for (const value of [param.min > 0 ? String(param.min - 1) : '-1', String(param.max + 1), 'x']) {
      const refused = await refusal(server.url(queryFor(path, name, value)));
      expect(refused.status, `${path}?${name}=${value}`).toBe(400);
      expect(refused.body).toContain(`?${name}=`);
    }
  });

  test.each(
    WEBSOCKET_PATHS.flatMap((path) =>
      Object.entries(ENDPOINT_PARAMS[path])
        .filter(([, param]) => param.kind === 'choice' || (param.kind === 'text' && param.required))
        .map(([name, param]) => ({ path, name, param })),
    ),
  )('$path ?$name=: a value it does not know, or none when required, is refused with 400', async ({ path, name, param }) => {
    if (param.kind === 'choice') {
      const refused = await refusal(server.url(queryFor(path, name, 'nonsense')));
      expect(refused.status).toBe(400);
      expect(refused.body).toContain(`?${name}=`);
    }
    if (param.kind === 'text' || param.fallback === undefined) {
      const refused = await refusal(server.url(path));
      expect(refused.status).toBe(400);
      expect(refused.body).toContain(`?${name}=`);
    }
  });

  test.each(integerParams(HTTP_PATHS))('GET $path ?$name=: one past either end refused with 400', async ({ path, name, param }) => {
    for (const value of [param.min > 0 ? String(param.min - 1) : '-1', String(param.max + 1)]) {
      const res = await fetch(server.http(`${path}?${name}=${value}`));
      expect(res.status, `${path}?${name}=${value}`).toBe(400);
      expect(await res.text()).toContain(`?${name}=`);
    }
  });

  test.each(WEBSOCKET_PATHS)('%s speaks exactly its registered subprotocols', async (path) => {
    const base = companions[path] ? `${path}?${companions[path]}` : path;
    const url = server.url(path === '/inspect' ? `${path}?session=${'a'.repeat(32)}` : path === '/misbehave' ? `${path}?fault=masked` : base);
    for (const protocol of ENDPOINT_PROTOCOLS[path]) {
      const ws = await open(url, [protocol]);
      expect(ws.protocol).toBe(protocol);
      ws.terminate();
    }
    const refused = await refusal(url, ['not-spoken-here']);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(ENDPOINT_PROTOCOLS[path].length > 0 ? `speaks only ${ENDPOINT_PROTOCOLS[path].join(', ')}` : 'speaks no subprotocol');
  });
});
