// Which demo server the labs talk to: a real one at a ws(s) URL, or the simulated server that runs in the
// page (src/lib/sim). One value, chosen once and shared by every lab; sockets.ts opens connections to it.
import { httpBaseFrom, normalizeBase, originToWsBase } from './url.ts';

export type ServerChoice = { mode: 'real'; url: string } | { mode: 'simulated' };

/** What the reader types in the server field (or a build sets PUBLIC_DEMO_SERVER to) for the simulator. */
export const SIMULATED_KEYWORD = 'simulated';

/**
 * The base simulated connections are opened on, so logs and inspectors show an ordinary ws:// URL. The
 * `.invalid` top-level domain is reserved and never resolves (RFC 6761 §6.4): no real server can answer it,
 * so a URL on this host can only mean the simulator.
 */
export const SIMULATED_HOST = 'simulated.invalid';
export const SIMULATED_BASE = `ws://${SIMULATED_HOST}`;

/** The reader's text as a choice: `simulated`, or a ws/wss/http/https base; null when it is neither. */
export function parseServerChoice(text: string): ServerChoice | null {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === SIMULATED_KEYWORD) return { mode: 'simulated' };
  const url = normalizeBase(trimmed);
  if (url === null) return null;
  return isSimulatedUrl(url) ? { mode: 'simulated' } : { mode: 'real', url };
}

/** The choice as the server field shows it. */
export function choiceText(choice: ServerChoice): string {
  return choice.mode === 'simulated' ? SIMULATED_KEYWORD : choice.url;
}

/** The ws(s) base endpoint paths are joined to. */
export function wsBaseOf(choice: ServerChoice): string {
  return choice.mode === 'simulated' ? SIMULATED_BASE : choice.url;
}

/** The http(s) base of the same server, for its plain HTTP feeds (`/alt/…`). */
export function httpBaseOf(choice: ServerChoice): string {
  return httpBaseFrom(wsBaseOf(choice));
}

export function sameChoice(a: ServerChoice, b: ServerChoice): boolean {
  return a.mode === b.mode && (a.mode === 'simulated' || a.url === (b as { url: string }).url);
}

/** True for a ws/wss/http/https URL on the simulator's reserved host. */
export function isSimulatedUrl(url: string): boolean {
  try {
    return new URL(url).hostname === SIMULATED_HOST;
  } catch {
    return false;
  }
}

/**
 * Where labs start before the reader picks anything: the build's PUBLIC_DEMO_SERVER (a URL, or `simulated`
 * for a static host with no demo server), else the page's own origin, which the demo server serves.
 */
export function defaultChoice(origin: { protocol: string; host: string }, configured: string | undefined): ServerChoice {
  const fromBuild = configured ? parseServerChoice(configured) : null;
  return fromBuild ?? { mode: 'real', url: originToWsBase(origin) };
}
