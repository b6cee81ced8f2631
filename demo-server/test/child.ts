// A demo server in its own process (node demo-server/main.ts), for measuring its memory alone and for signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fixtureSite, repoRoot } from './helpers.ts';

export interface ChildServer {
  child: ChildProcess;
  port: number;
  url(path: string): string;
  /** Resident memory of the server process, from /healthz. */
  rss(): Promise<number>;
  health(): Promise<string>;
  stop(): Promise<number | null>;
}

export async function spawnServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['demo-server/main.ts', '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SITE_DIR: fixtureSite, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebSocket School: http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
  return {
    child,
    port,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    health,
    async rss() {
      const match = /^rss (\d+)$/m.exec(await health());
      return Number(match![1]);
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
