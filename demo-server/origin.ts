// The Origin allow-list: which web pages may open WebSockets here (browsers send Origin; others need not).

interface OriginPattern {
  scheme: string;
  host: string;
  /** A port number as text, '' for the scheme's default, or '*' for any. */
  port: string;
}

export interface OriginPolicy {
  /** `*`: every origin. */
  any: boolean;
  /** `null`: pages without an origin (sandboxed iframes, file:). Off unless listed. */
  allowNull?: boolean;
  origins: OriginPattern[];
}

const originPattern = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/;

function defaultPort(scheme: string): string {
  return scheme === 'https' ? '443' : '80';
}

/** Parses `http://localhost:*,https://school.example` (throws on a malformed entry). */
export function parseOriginList(list: string): OriginPolicy {
  const policy: OriginPolicy = { any: false, origins: [] };
  for (const raw of list.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') {
      policy.any = true;
      continue;
    }
    if (entry === 'null') {
      policy.allowNull = true;
      continue;
    }
    const match = originPattern.exec(entry);
    if (!match) throw new Error(`"${raw.trim()}" is not an origin like https://example.com or http://localhost:*`);
    const scheme = match[1]!;
    const port = match[3] ?? '';
    policy.origins.push({ scheme, host: match[2]!, port: port === defaultPort(scheme) ? '' : port });
  }
  return policy;
}

/**
 * Whether a handshake with this Origin may proceed. Same origin (the Origin's host equals the Host the
 * request was sent to) is always allowed: the pages this server serves must reach their own endpoints.
 */
export function isOriginAllowed(policy: OriginPolicy, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || policy.any) return true;
  const value = origin.trim().toLowerCase();
  if (value === 'null') return policy.allowNull === true;
  const match = originPattern.exec(value);
  if (!match || match[3] === '*') return false;
  const scheme = match[1]!;
  const hostname = match[2]!;
  const port = match[3] === undefined || match[3] === defaultPort(scheme) ? '' : match[3];

  if (host !== undefined) {
    const requested = host.trim().toLowerCase();
    const self = port === '' ? [hostname, `${hostname}:${defaultPort(scheme)}`] : [`${hostname}:${port}`];
    if (self.includes(requested)) return true;
  }
  for (const allowed of policy.origins) {
    if (allowed.scheme !== scheme || allowed.host !== hostname) continue;
    if (allowed.port === '*' || allowed.port === port) return true;
  }
  return false;
}

/**
 * CORS for plain HTTP endpoints (the /alt/… feeds), under the same policy as the WebSocket handshakes:
 * `null` when the Origin is not allowed (the caller answers 403, as a handshake would), otherwise the
 * headers to add. An allowed origin is echoed exactly as sent (`null` included: sandboxed frames), with
 * `Vary: Origin`; under `*` the answer is `*` and does not vary. Timing-Allow-Origin mirrors
 * Access-Control-Allow-Origin, so a cross-origin page can read the requests' Resource Timing (sizes, phases);
 * `Access-Control-Expose-Headers: *` lets it read every response header, which the comparison lab counts.
 */
export function corsHeaders(policy: OriginPolicy, origin: string | undefined, host: string | undefined): Record<string, string> | null {
  if (policy.any) return { 'Access-Control-Allow-Origin': '*', 'Timing-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*' };
  if (origin === undefined) return { Vary: 'Origin' };
  if (!isOriginAllowed(policy, origin, host)) return null;
  return { 'Access-Control-Allow-Origin': origin, 'Timing-Allow-Origin': origin, 'Access-Control-Expose-Headers': '*', Vary: 'Origin' };
}
