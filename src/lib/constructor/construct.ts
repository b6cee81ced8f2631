// What `new WebSocket(url, protocols)` does before any network: the WHATWG WebSockets Standard's constructor
// steps (parse against the page's base URL, http→ws / https→wss, scheme check, fragment check, subprotocol
// check), plus the one check Chromium adds on top (mixed content: SecurityError). Pure functions over the
// platform's `URL` parser, so in a browser the model parses exactly as that browser's constructor does.

/** Why the constructor refuses, one value per step that can throw. */
export type Refusal =
  | { name: 'SyntaxError'; step: 'parse'; input: string }
  | { name: 'SyntaxError'; step: 'scheme'; scheme: string }
  | { name: 'SyntaxError'; step: 'fragment'; fragment: string }
  | ProtocolRefusal
  // Not in the standard (it leaves mixed content to Fetch, which blocks the connection later): Chromium's own.
  | { name: 'SecurityError'; step: 'mixedContent'; host: string };

/** A subprotocol name that is not a token, or one offered twice. */
export type ProtocolRefusal = { name: 'SyntaxError'; step: 'token' | 'duplicate'; protocol: string };

export type Accepted = {
  /** What the `url` property returns: the resolved URL record, serialized. */
  url: string;
  /** The input had no scheme of its own and was resolved against the page's base URL. */
  relative: boolean;
  /** The scheme rewrite the constructor made, if any. */
  rewrite: 'http→ws' | 'https→wss' | null;
  /** The subprotocol names as the constructor sees them (a string becomes a list of one). */
  protocols: string[];
};

export type Outcome = ({ ok: true } & Accepted) | ({ ok: false } & Refusal);

/** The second argument as a page may pass it: omitted, one name, or a list. */
export type ProtocolsArgument = string | readonly string[] | undefined;

/**
 * RFC 6455 §4.1: each subprotocol name is a non-empty run of U+0021–U+007E without HTTP separators — which is
 * exactly an HTTP token (RFC 9110 §5.6.2).
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isToken(name: string): boolean {
  return TOKEN.test(name);
}

/** Step "protocols": a string is a list of one; omitted is the empty list. */
export function protocolList(protocols: ProtocolsArgument): string[] {
  if (protocols === undefined) return [];
  return typeof protocols === 'string' ? [protocols] : [...protocols];
}

/**
 * The subprotocol check. The standard only says "SyntaxError"; which name the message blames follows
 * Chromium, which looks at every name's characters first and only then for repeats (compared exactly, so
 * 'chat' and 'CHAT' may both be offered).
 */
export function protocolRefusal(list: readonly string[]): ProtocolRefusal | null {
  const bad = list.find((name) => !isToken(name));
  if (bad !== undefined) return { name: 'SyntaxError', step: 'token', protocol: bad };
  const seen = new Set<string>();
  for (const name of list) {
    if (seen.has(name)) return { name: 'SyntaxError', step: 'duplicate', protocol: name };
    seen.add(name);
  }
  return null;
}

/**
 * Whether Chromium lets a page served over https: open this ws: URL: only when the host is potentially
 * trustworthy (Secure Contexts: loopback addresses, localhost and *.localhost).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host)) return true;
  if (host === '[::1]') return true;
  // Chromium also trusts IPv4-mapped loopback, which the URL parser serializes as [::ffff:7fxx:xxxx].
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** True when the page's URL is served over TLS, which is what makes a ws: connection mixed content. */
function securePage(base: string | undefined): boolean {
  return base !== undefined && base.startsWith('https:');
}

/**
 * The constructor's steps, in the order Chromium runs them (the standard's order, then mixed content).
 * `base` is the page's base URL (document.baseURI): relative inputs resolve against it. Without one (code
 * outside a page, like Node's WebSocket), only absolute URLs parse and there is no mixed content.
 */
export function construct(url: string, protocols: ProtocolsArgument, base?: string): Outcome {
  let record: URL;
  try {
    record = new URL(url, base);
  } catch {
    return { ok: false, name: 'SyntaxError', step: 'parse', input: url };
  }
  const relative = !URL.canParse(url);
  let rewrite: Accepted['rewrite'] = null;
  // Both are special schemes with the same default ports, so the URL setter keeps host and port as they are.
  if (record.protocol === 'http:') {
    record.protocol = 'ws:';
    rewrite = 'http→ws';
  } else if (record.protocol === 'https:') {
    record.protocol = 'wss:';
    rewrite = 'https→wss';
  }
  if (record.protocol !== 'ws:' && record.protocol !== 'wss:') {
    return { ok: false, name: 'SyntaxError', step: 'scheme', scheme: record.protocol.slice(0, -1) };
  }
  // `hash` is '' both for no fragment and for an empty one ("ws://h/#"); the serialization tells them apart,
  // since a '#' can only survive parsing as the fragment's delimiter (or inside the fragment itself).
  const at = record.href.indexOf('#');
  if (at !== -1) return { ok: false, name: 'SyntaxError', step: 'fragment', fragment: record.href.slice(at + 1) };
  const list = protocolList(protocols);
  const refused = protocolRefusal(list);
  if (refused) return { ok: false, ...refused };
  if (record.protocol === 'ws:' && securePage(base) && !isLoopbackHost(record.hostname)) {
    return { ok: false, name: 'SecurityError', step: 'mixedContent', host: record.hostname };
  }
  return { ok: true, url: record.href, relative, rewrite, protocols: list };
}

/** Chromium shows characters outside printable ASCII in its messages as \uXXXX. */
function escapeForMessage(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The message Chromium's constructor puts on the DOMException for this refusal. */
export function chromiumMessage(refusal: Refusal): string {
  const prefix = "Failed to construct 'WebSocket': ";
  switch (refusal.step) {
    case 'parse':
      return `${prefix}The URL '${refusal.input}' is invalid.`;
    case 'scheme':
      return `${prefix}The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${refusal.scheme}' is not allowed.`;
    case 'fragment':
      return `${prefix}The URL contains a fragment identifier ('${refusal.fragment}'). Fragment identifiers are not allowed in WebSocket URLs.`;
    case 'token':
      return `${prefix}The subprotocol '${escapeForMessage(refusal.protocol)}' is invalid.`;
    case 'duplicate':
      return `${prefix}The subprotocol '${escapeForMessage(refusal.protocol)}' is duplicated.`;
    case 'mixedContent':
      return `${prefix}An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.`;
  }
}

/** The constructor's steps for code that must behave like one: the resolved URL, or the DOMException it throws. */
export function constructOrThrow(url: string, protocols: ProtocolsArgument, base?: string): Accepted {
  const outcome = construct(url, protocols, base);
  if (!outcome.ok) throw new DOMException(chromiumMessage(outcome), outcome.name);
  return outcome;
}

/** The steps the lab lists, in the order they run. */
export const STEPS = ['parse', 'scheme', 'fragment', 'protocols', 'mixedContent'] as const;
export type Step = (typeof STEPS)[number];
export type StepState = 'passed' | 'failed' | 'notReached';

/** Where an outcome stopped: every step before the failing one passed, the ones after never ran. */
export function stepStates(outcome: Outcome): { step: Step; state: StepState }[] {
  const failedAt = outcome.ok ? -1 : STEPS.indexOf(outcome.step === 'token' || outcome.step === 'duplicate' ? 'protocols' : outcome.step);
  return STEPS.map((step, i) => ({ step, state: failedAt === -1 || i < failedAt ? 'passed' : i === failedAt ? 'failed' : 'notReached' }));
}
