// Runs first in the simulated sandbox (SIMULATED_SANDBOX_PATH in sandbox.ts, built by src/pages/run-sandbox-sim.html.ts
// from simulatedPrelude.ts): the runnable examples
// call the browser's own globals (`new WebSocket(…)`, `new WebSocketStream(…)`, `fetch`, `EventSource`), so
// when the reader has chosen the simulated server those globals must reach it. Each is replaced by a thin
// router: a URL on the simulator's host goes to a simulated server living in this frame, any other URL to the
// browser's own implementation, so an example the reader edits to point at a real server still connects.
// The frame has an opaque origin, so the simulated chat room here is the frame's own (its BroadcastChannel
// reaches no other tab): an example sees its own joins and messages, as it would on an empty real room.
import { isSimulatedUrl } from '../server/choice.ts';
import { createSimulatedServer, SimulatedWebSocket, SimulatedWebSocketStream } from '../sim/index.ts';

type Constructor = abstract new (...args: any[]) => object;

/**
 * `native` wrapped so that `new` routes by URL, while its constants and statics still read through, and
 * `instanceof` accepts the simulator's objects too (the sandbox's console printer and readers' code use it).
 */
function routed<T extends Constructor>(native: T, simulatedClass: Constructor | null, open: (args: any[]) => object | null): T {
  const router: T = new Proxy(native, {
    construct(target, args, newTarget) {
      return open(args) ?? Reflect.construct(target, args, newTarget === router ? target : newTarget);
    },
    get(target, key, receiver) {
      if (key === Symbol.hasInstance) {
        return (value: unknown) => value instanceof target || (simulatedClass !== null && value instanceof simulatedClass);
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return router;
}

/** A string URL argument, as the constructors and `fetch` would read it. */
const urlOf = (input: unknown): string => (input instanceof Request ? input.url : String(input));

export function installSimulatedGlobals(scope: typeof globalThis = globalThis): void {
  const server = createSimulatedServer();
  const simulated = (input: unknown) => isSimulatedUrl(urlOf(input));

  scope.WebSocket = routed(scope.WebSocket, SimulatedWebSocket, ([url, protocols]) =>
    simulated(url) ? (server.openSocket(urlOf(url), protocols) as object) : null,
  );

  // The simulator offers WebSocketStream in every browser, as the labs do; a real URL needs the browser's own.
  const NativeStream = (scope as any).WebSocketStream as Constructor | undefined;
  const noNativeStream = class {
    constructor() {
      throw new TypeError('This browser has no WebSocketStream; only the simulated server offers one here.');
    }
  };
  (scope as any).WebSocketStream = routed(NativeStream ?? noNativeStream, SimulatedWebSocketStream, ([url, options]) =>
    simulated(url) ? (server.openStream(urlOf(url), options) as object) : null,
  );

  const nativeFetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    simulated(input) ? server.fetch(urlOf(input), { signal: init?.signal ?? undefined }) : nativeFetch(input, init);

  if (typeof scope.EventSource === 'function') {
    scope.EventSource = routed(scope.EventSource, null, ([url]) =>
      simulated(url) ? (server.openEventSource(urlOf(url)) as object) : null,
    );
  }
}
