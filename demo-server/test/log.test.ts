// The log: one line when a connection opens, one when it closes (with the code), one per refused
// handshake — and never what was sent.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../config.ts';
import { createDemoServer, type DemoServer } from '../server.ts';
import { closed, eventually, fixtureSite, nextMessage, open, refusal } from './helpers.ts';

const lines: string[] = [];
let demo: DemoServer;
let base = '';
beforeAll(async () => {
  demo = createDemoServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', SITE_DIR: fixtureSite }), {
    logLine: (line) => lines.push(line),
  });
  base = `ws://127.0.0.1:${(await demo.listen()).port}`;
});
afterAll(() => demo.close());

test('open and close lines with the close code; refusals with their status; no contents', async () => {
  const ws = await open(`${base}/echo`, ['json']);
  const reply = nextMessage(ws);
  ws.send('a secret message');
  await reply;
  const done = closed(ws);
  ws.close(4321, 'a secret reason');
  await done;
  await refusal(`${base}/ticker?hz=%0Aforged%20line`);
  await eventually(() => lines.length === 3);

  expect(lines[0]).toMatch(/^\S+Z open  #1 \/echo 127\.0\.0\.1 protocol=json$/);
  expect(lines[1]).toMatch(/^\S+Z close #1 \/echo 127\.0\.0\.1 code=4321 \d+\.\ds$/);
  expect(lines[2]).toMatch(/^\S+Z refuse 400 \/ticker 127\.0\.0\.1 \?hz= must be a whole number from 1 to 20 \(got "\?forged line"\)$/);
  expect(lines.join('\n')).not.toMatch(/secret/);
});
