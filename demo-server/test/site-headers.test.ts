// The built site as a browser gets it: precompressed variants chosen by Accept-Encoding (scripts/compress-site.ts),
// each page's Content-Security-Policy from its <meta> as a header with frame-ancestors, and the other security
// headers on every response.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compressSite } from '../../scripts/compress-site.ts';
import { fixtureSite, startServer, type TestServer } from './helpers.ts';

const policy = "default-src 'self'; script-src 'self' 'sha256-abc='; connect-src 'self' ws: wss:";
const lesson = `<!doctype html><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"><title>lesson</title>${'<p>WebSocket lesson text. </p>'.repeat(60)}`;

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'site-headers-'));
  cpSync(fixtureSite, dir, { recursive: true });
  writeFileSync(join(dir, 'en/lesson/index.html'), lesson);
  writeFileSync(join(dir, '_astro/big.js'), `export const words = ${JSON.stringify('frame '.repeat(400))};\n`);
  writeFileSync(join(dir, '404.html'), `<!doctype html><title>not found (root)</title>${'<p>Not here. </p>'.repeat(60)}`);
  await compressSite(dir);
  server = await startServer({ SITE_DIR: dir });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide what was sent). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(server.http(path), { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  test('Brotli when accepted, gzip otherwise, identity without Accept-Encoding; always Vary', async () => {
    const original = readFileSync(join(dir, 'en/lesson/index.html'));
    const br = await get('/en/lesson/', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.body.length).toBeLessThan(original.length / 4);
    expect(brotliDecompressSync(br.body)).toEqual(original);

    const gz = await get('/en/lesson/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(original);

    const plain = await get('/en/lesson/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.body).toEqual(original);
  });

  test('scripts are compressed too, and keep their type', async () => {
    const js = await get('/_astro/big.js', 'br');
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(js.body).toString()).toMatch(/^export const words/);
  });

  test('the 404 page is compressed as well, with status 404', async () => {
    const res = await get('/en/nope/', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toMatch(/not found \(root\)/);
  });

  test('tiny files are left alone', async () => {
    const res = await get('/_astro/app.js', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('security headers', () => {
  test("a page's policy is its <meta> policy plus frame-ancestors", async () => {
    const res = await get('/en/lesson/', 'br');
    expect(res.headers['content-security-policy']).toBe(`${policy}; frame-ancestors 'self'`);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test('every response carries Referrer-Policy, Permissions-Policy and nosniff — files, 404s, redirects', async () => {
    for (const path of ['/_astro/big.js', '/en/nope/', '/en/lesson', '/']) {
      const res = await get(path);
      expect(res.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy'], path).toMatch(/camera=\(\)/);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test('a page without a <meta> policy still may not be framed by others', async () => {
    const res = await get('/');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
  });
});
