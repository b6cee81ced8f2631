// Every Node sample a lesson shows is run here and must print exactly its .out file — the output the lesson
// shows under it — so no sample on the site is broken or shows an output it does not produce. Samples that
// talk to the demo server get SERVER pointing at one started for this test, with its default limits.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ChildServer } from '../../../demo-server/test/child.ts';

const run = promisify(execFile);
const dir = import.meta.dirname;
const root = join(dir, '../../..');
const samples = readdirSync(dir).filter((n) => n.endsWith('.mjs')).map((n) => n.slice(0, -'.mjs'.length));

let server: ChildServer;
beforeAll(async () => {
  server = await spawnServer({ MAX_CONNECTIONS_PER_IP: '20' });
});
afterAll(async () => {
  await server?.stop();
});

describe('Node samples print what their lessons say they print', () => {
  it.each(samples)('%s', async (name) => {
    const expected = readFileSync(join(dir, `${name}.out`), 'utf8');
    const { stdout, stderr } = await run(process.execPath, [join(dir, `${name}.mjs`)], {
      cwd: root,
      env: { ...process.env, SERVER: `ws://127.0.0.1:${server.port}` },
      timeout: 15_000,
    });
    expect(stderr).toBe('');
    expect(stdout).toBe(expected);
  });
});

describe('lessons show only samples that exist and are run here', () => {
  const shownIn = (lang: string) => {
    const names: string[] = [];
    for (const file of readdirSync(join(root, 'content', lang)).filter((n) => n.endsWith('.mdx')).sort()) {
      for (const m of readFileSync(join(root, 'content', lang, file), 'utf8').matchAll(/<NodeSample\s+name="([^"]+)"/g)) names.push(`${file}:${m[1]}`);
    }
    return names;
  };
  const shown = new Set(shownIn('en').map((s) => s.split(':')[1]));
  it('both languages show the same samples in the same lessons, in the same order', () => {
    expect(shownIn('vi')).toEqual(shownIn('en'));
  });
  it('every <NodeSample> names a sample in src/examples/node', () => {
    expect([...shown].filter((n) => !samples.includes(n))).toEqual([]);
  });
  it('every sample is shown by some lesson', () => {
    expect(samples.filter((n) => !shown.has(n))).toEqual([]);
  });
});
