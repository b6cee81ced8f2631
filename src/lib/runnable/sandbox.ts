// The document a runnable example executes in: /run-sandbox.html in an <iframe sandbox="allow-scripts">, so it
// has an opaque origin and the reader's code cannot touch the lesson page, its storage or its cookies. It is a
// document of its own (not a srcdoc) because a srcdoc frame inherits the lesson's Content-Security-Policy,
// which runs only the site's own hashed scripts; this one carries a policy that lets the reader's code run and
// connect. Its bootstrap waits for one configuration message from its parent, defines SERVER, forwards console
// output and uncaught errors with postMessage, then runs the code as a classic script (so a syntax error is
// reported like any other error).

export const MESSAGE_TAG = 'wss-run';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'uncaught' | 'rejection';

/** What the frame posts to its parent: one console call or one uncaught error. */
export type SandboxMessage = {
  tag: typeof MESSAGE_TAG;
  token: string;
  level: ConsoleLevel;
  text: string;
  /** The line in the example for an uncaught error, when the browser knows it. */
  line?: number;
};

export type SandboxConfig = {
  code: string;
  /** The demo server base the example sees as SERVER, e.g. ws://localhost:8080. */
  server: string;
  /** Echoed in every message, so the parent can drop messages from an older run. */
  token: string;
  /** The parent's origin, where messages go ('*' only when the parent has no origin of its own). */
  parentOrigin: string;
  /** The name errors and stack traces give the code, e.g. echo-hello.js. */
  file: string;
};

/** Whether `data` (from a message event) has the shape the frame sends. The caller checks its source. */
export function isSandboxMessage(data: unknown, token: string): data is SandboxMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.tag === MESSAGE_TAG && m.token === token && typeof m.level === 'string' && typeof m.text === 'string';
}

// Runs inside the frame, where it is inserted as source text: it must not use anything from this module.
function frameMain(cfg: SandboxConfig & { tag: string }): void {
  const MAX_TEXT = 4000;
  const post = (level: string, text: string, line?: number) => {
    try {
      parent.postMessage({ tag: cfg.tag, token: cfg.token, level, text: text.slice(0, MAX_TEXT), line }, cfg.parentOrigin);
    } catch {
      // Nothing useful to do if the parent cannot be reached.
    }
  };
  const bytes = (view: ArrayLike<number>, hex: boolean) => {
    const shown = Array.from(Array.prototype.slice.call(view, 0, 16) as number[], (b) =>
      hex ? b.toString(16).padStart(2, '0') : String(b),
    );
    return shown.join(hex ? ' ' : ', ') + (view.length > 16 ? ' …' : '');
  };
  // A short, DevTools-like rendering of any value, safe against cycles and huge objects.
  const show = (value: unknown, depth: number): string => {
    if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'symbol') return value.toString();
    if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
    if (value === null || typeof value !== 'object') return String(value);
    try {
      if (value instanceof Error) return `${value.name}: ${value.message}`;
      if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength}) [${bytes(new Uint8Array(value), true)}]`;
      if (ArrayBuffer.isView(value)) {
        const view = value as unknown as ArrayLike<number>;
        return `${value.constructor.name}(${view.length}) [${bytes(view, false)}]`;
      }
      if (value instanceof Blob) return `Blob { size: ${value.size}, type: ${JSON.stringify(value.type)} }`;
      const pick = (obj: any, keys: string[]) =>
        `${obj.constructor.name} { ${keys.filter((k) => k in obj).map((k) => `${k}: ${show(obj[k], depth + 1)}`).join(', ')} }`;
      if (value instanceof WebSocket) return pick(value, ['url', 'readyState', 'protocol', 'extensions', 'bufferedAmount', 'binaryType']);
      if (value instanceof Event) return pick(value, ['type', 'code', 'reason', 'wasClean', 'data']);
      if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}';
      if (Array.isArray(value)) {
        const items = value.slice(0, 50).map((item) => show(item, depth + 1));
        if (value.length > 50) items.push('…');
        return `[${items.join(', ')}]`;
      }
      const keys = Object.keys(value);
      const fields = keys.slice(0, 30).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${show((value as any)[k], depth + 1)}`);
      if (keys.length > 30) fields.push('…');
      const name = value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : '';
      return fields.length ? `${name}{ ${fields.join(', ')} }` : `${name}{}`;
    } catch {
      return Object.prototype.toString.call(value);
    }
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[level] = (...args: unknown[]) => post(level, args.map((a) => show(a, 0)).join(' '));
  }
  addEventListener('error', (event) => {
    const own = typeof event.filename === 'string' && event.filename.endsWith(cfg.file);
    const text = event.error !== undefined && event.error !== null ? show(event.error, 0) : event.message;
    // Chromium prefixes a syntax error in an inserted script with the DOM call that inserted it.
    post('uncaught', text.replace(/^(\w*Error: )Failed to execute '\w+' on '\w+': /, '$1'), own ? event.lineno : undefined);
  });
  addEventListener('unhandledrejection', (event) => post('rejection', show(event.reason, 0)));
  (window as any).SERVER = cfg.server;
  const script = document.createElement('script');
  script.textContent = `${cfg.code}\n//# sourceURL=${cfg.file}`;
  document.head.append(script);
}

/** Where the sandbox document is served (src/pages/run-sandbox.html.ts). */
export const SANDBOX_PATH = '/run-sandbox.html';

/**
 * The same sandbox with the simulated server inside it (src/pages/run-sandbox-sim.html.ts, simulatedGlobals.ts),
 * used while the reader's server choice is the simulated one: the simulator lives in the page's own JavaScript,
 * which the opaque-origin frame cannot reach, so the frame carries a copy of its own.
 */
export const SIMULATED_SANDBOX_PATH = '/run-sandbox-sim.html';

/**
 * The sandbox's own policy: the reader's code runs as an inline script and may connect to any WebSocket or
 * HTTP server (the labs' server setting can point anywhere); nothing else is loaded. The opaque origin, not
 * this policy, is what keeps the code away from the lesson.
 */
export const SANDBOX_POLICY = "default-src 'none'; script-src 'unsafe-inline'; connect-src ws: wss: http: https:; base-uri 'none'; form-action 'none'";

/** The message the parent posts to the frame once it has loaded: the run's configuration. */
export function configMessage(config: SandboxConfig): SandboxConfig & { tag: typeof MESSAGE_TAG } {
  return { ...config, tag: MESSAGE_TAG };
}

/**
 * The sandbox document: its policy and a bootstrap that runs the first configuration its parent sends, after
 * `prelude` (a classic script's source, e.g. the simulated server) when there is one.
 */
export function sandboxDocument(prelude = ''): string {
  const bootstrap =
    `addEventListener('message', function start(event) {` +
    `if (event.source !== parent || !event.data || event.data.tag !== ${JSON.stringify(MESSAGE_TAG)}) return;` +
    `removeEventListener('message', start);` +
    `(${frameMain.toString()})(event.data);` +
    `});`;
  return (
    '<!doctype html><html lang="en"><meta charset="utf-8">' +
    `<meta http-equiv="content-security-policy" content="${SANDBOX_POLICY}">` +
    '<title>Runnable example</title>' +
    // `</script` (in any case) inside the prelude's strings would end the element early; `<\/` means the same in JavaScript.
    (prelude ? `<script>${prelude.replace(/<\/(script)/gi, '<\\/$1')}</script>` : '') +
    `<script>${bootstrap}</script></html>`
  );
}
