import WebSocket from 'ws';
import { loadConfig } from '/work/main/demo-server/config.ts';
import { createDemoServer } from '/work/main/demo-server/server.ts';
const demo = createDemoServer(loadConfig({ PORT: '0', LOG_LEVEL: 'info' }));
const { port } = await demo.listen();
for (const f of ['bad-utf8', 'masked', 'reserved-bit', 'bad-opcode', 'long-ping']) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/misbehave?fault=${f}`);
  ws.on('message', (d) => console.log('msg', String(d)));
  ws.on('error', (e) => console.log('error', e.message));
  await new Promise((r) => ws.on('close', (c) => { console.log('close', c); r(null); }));
}
await demo.close();
console.log('done');
