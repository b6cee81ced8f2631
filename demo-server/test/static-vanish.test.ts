// A file of the site that disappears while the server runs (a rebuild, a deploy that swaps dist/): sirv listed
// it at start, so the request still finds it, and opening it fails. The reader gets a clean 404 page and the
// server keeps serving; before, the read stream's unhandled error ended the process.
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compressSite } from '../../scripts/compress-site.ts';
import { spawnServer, type ChildServer } from './child.ts';
import { fixtureSite } from './helpers.ts';

let dir: string;
let server: ChildServer;
const http = (path: string) => `http://127.0.0.1:${server.port}${path}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-vanish-'));
  cpSync(fixtureSite, dir, { recursive: true });
  for (const name of ['gone', 'gone-br', 'gone-gz']) {
    writeFileSync(join(dir, `_astro/${name}.js`), `export const words = ${JSON.stringify(`${name} `.repeat(400))};\n`);
  }
  await compressSite(dir);
  server = await spawnServer({ SITE_DIR: dir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a file deleted after the server listed it: 404 page, not a crash', async () => {
  expect((await fetch(http('/_astro/gone.js'), { headers: { 'Accept-Encoding': 'identity' } })).status).toBe(200);
  unlinkSync(join(dir, '_astro/gone.js'));

  const res = await fetch(http('/_astro/gone.js'), { headers: { 'Accept-Encoding': 'identity' } });
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('etag')).toBeNull();
  expect(await res.text()).toMatch(/not found|404/i);

  expect(server.child.exitCode).toBeNull();
  expect(await server.health()).toMatch(/^ok/m);
  expect((await fetch(http('/en/lesson/'))).status).toBe(200);
});

test('the precompressed variant chosen by Accept-Encoding gone too: 404, and the server lives on', async () => {
  unlinkSync(join(dir, '_astro/gone-br.js.br'));
  const br = await fetch(http('/_astro/gone-br.js'), { headers: { 'Accept-Encoding': 'br' } });
  expect(br.status).toBe(404);
  expect(br.headers.get('content-encoding')).not.toBe('br');
  await br.arrayBuffer();

  unlinkSync(join(dir, '_astro/gone-gz.js.gz'));
  const gz = await fetch(http('/_astro/gone-gz.js'), { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.status).toBe(404);
  await gz.arrayBuffer();

  expect(server.child.exitCode).toBeNull();
  expect((await fetch(http('/_astro/app.js'))).status).toBe(200);
});

test('a path that became a directory: 500 with a reason, the server lives on', async () => {
  unlinkSync(join(dir, '_astro/app.js'));
  mkdirSync(join(dir, '_astro/app.js'));
  const res = await fetch(http('/_astro/app.js'), { headers: { 'Accept-Encoding': 'identity' } });
  expect(res.status).toBe(500);
  expect(await res.text()).toMatch(/could not be read/i);
  expect(server.child.exitCode).toBeNull();
  expect((await fetch(http('/en/lesson/'))).status).toBe(200);
});
