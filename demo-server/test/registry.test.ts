// The endpoint registry (src/lib/endpoints.ts): the server answers exactly those paths, its 404 names them,
// and the README's endpoint table documents each of them and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HTTP_PATHS, WEBSOCKET_PATHS } from '../../src/lib/endpoints.ts';
import { noSuchEndpoint } from '../routes.ts';
import { repoRoot, sharedServer } from './helpers.ts';

const server = sharedServer();

/** The paths in the first column of the README's "### Endpoints" table (method and query set aside). */
function readmeEndpointPaths(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### Endpoints'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('\n|')));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => /^\| `(?:GET )?([^`?]+)/.exec(line)![1]!);
}

describe('endpoint registry', () => {
  test('the README endpoint table lists every endpoint once, and nothing else', () => {
    const documented = readmeEndpointPaths();
    expect(documented.length).toBe(new Set(documented).size);
    expect(new Set(documented)).toEqual(new Set([...WEBSOCKET_PATHS, ...HTTP_PATHS]));
  });

  test('the handshake 404 names every WebSocket endpoint', () => {
    for (const path of WEBSOCKET_PATHS) expect(noSuchEndpoint).toContain(path);
  });

  test.each(WEBSOCKET_PATHS)('%s is a WebSocket endpoint: a plain GET gets 426', async (path) => {
    const res = await fetch(server.http(path));
    expect(res.status).toBe(426);
    expect(res.headers.get('upgrade')).toBe('websocket');
  });

  test.each(HTTP_PATHS.filter((path) => path !== '/alt/long-poll' && path !== '/alt/sse'))('%s answers a GET with 200', async (path) => {
    const res = await fetch(server.http(path));
    expect(res.status).toBe(200);
    await res.text();
  });
});
