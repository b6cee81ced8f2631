// Entry point: `node demo-server/main.ts [--port 9000] [--site-dir dist] …` (settings: --help).
import { ConfigError, readCommandLine, usage, type Config } from './config.ts';
import { fatalHandler } from './crash.ts';
import { createDemoServer } from './server.ts';

function displayUrl(host: string, port: number): string {
  const loopbackOrAll = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host);
  const shown = loopbackOrAll ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

let config: Config;
try {
  const line = readCommandLine(process.env, process.argv.slice(2));
  if (line.help) {
    console.log(usage());
    process.exit(0);
  }
  config = line.config;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // Exit code 2: a usage error, as shells and supervisors read it (the server never started).
  console.error(`${error.message}\n\nRun with --help for every setting, its range and its default.`);
  process.exit(2);
}

const demo = createDemoServer(config);
// An error no connection's boundary caught: the process's state is unknown, so it stops (demo-server/crash.ts).
process.on(
  'uncaughtException',
  fatalHandler({
    close: (goodbye) => demo.close(goodbye),
    writeError: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => process.exit(code),
  }),
);
try {
  const { port, host } = await demo.listen();
  const where = host === '0.0.0.0' || host === '::' ? ` (listening on all interfaces, ${host})` : '';
  console.log(`WebSocket School: ${displayUrl(host, port)}${where}`);
} catch (error) {
  const { code } = error as NodeJS.ErrnoException;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${config.port} on ${config.host} is already in use. Stop the other server or choose another port with --port.`
      : `Could not listen on ${config.host}:${config.port}: ${(error as Error).message}`,
  );
  process.exit(1);
}

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) {
    process.exit(1); // a second signal: stop waiting
  }
  stopping = true;
  console.log(`${signal}: closing every connection with 1001…`);
  demo.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
