import { defaultChoice } from '../../lib/server/choice.ts';
import { originToWsBase } from '../../lib/server/url.ts';
import { ServerSetting } from '../../lib/server/setting.ts';
import { createSocket, loadSimulatedServer, setSimulatedServerLoader, type WebSocketLike } from '../../lib/server/sockets.ts';

let setting: ServerSetting | null = null;
const beforeThePage = new ServerSetting({ fallback: null });

/**
 * The page's one demo-server choice, shared by every lab: the reader's saved choice, else the build's
 * PUBLIC_DEMO_SERVER (a URL or `simulated`), else this page's own origin. While the page is rendered at
 * build time there is no origin and no storage yet: labs then get an empty choice and wait for the browser.
 */
export function serverSetting(): ServerSetting {
  if (typeof location === 'undefined') return beforeThePage;
  if (!setting) {
    setting = new ServerSetting({
      fallback: defaultChoice(location, import.meta.env.PUBLIC_DEMO_SERVER as string | undefined),
      storage: storage(),
      realFallback: originToWsBase(location),
    });
    // The simulator is a chunk of its own, loaded once the reader (or the build) picks it, not on every lab
    // page; picking it starts the load, so it is usually there before the first simulated connection.
    setSimulatedServerLoader(() => import('../../lib/sim/index.ts').then((sim) => sim.createSimulatedServer()));
    setting.subscribe(({ choice }) => {
      if (choice?.mode === 'simulated') loadSimulatedServer()?.catch(() => {});
    });
  }
  return setting;
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null; // Blocked (e.g. a sandboxed frame): the choice is kept for this page only.
  }
}

/** Opens `path` (with its query) on the chosen server: a browser WebSocket, or the simulator's. */
export function openSocket(path: string, protocols?: string | string[]): WebSocketLike {
  const url = serverSetting().endpoint(path);
  if (url === null) throw new SyntaxError(`No demo server is chosen: "${serverSetting().snapshot.text}" is not a ws:// or wss:// URL.`);
  return createSocket(url, protocols);
}
