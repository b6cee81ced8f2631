// `npm run dev`: the demo server (endpoints on :8080) and `astro dev` (pages on :4321) side by side.
// astro.config.mjs proxies the WebSocket paths to the demo server, so dev pages stay same-origin.
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '8080';
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const prefix = (chunk: Buffer) =>
    chunk.toString().split('\n').filter(Boolean).map((line) => `[${name}] ${line}`).join('\n') + '\n';
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => {
    console.log(`[${name}] exited with ${code}; stopping the other one too`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

run('server', process.execPath, ['demo-server/main.ts', '--port', port], { SITE_DIR: process.env.SITE_DIR ?? 'dist' });
run('astro', process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock'], {
  DEMO_SERVER_TARGET: `http://127.0.0.1:${port}`,
});
