// What the demo server tells a ticker reader when the link between its instances (Redis) goes down or comes
// back: {"type":"notice","code":"local"|"shared","message"} — the same shape as the chat's notices. The
// quotes themselves need no link (each instance computes them from the clock, quotes.ts), so the notice says
// the stream carries on unchanged; it is there so a reader of a multi-instance deployment is never left to
// guess (docs/DEMO-SERVER.md, "/ticker").

export type LinkState = 'local' | 'shared';
export type LinkNotice = { type: 'notice'; code: LinkState; message: string };

export const TICKER_NOTICES: Readonly<Record<LinkState, string>> = {
  local:
    'The link between the demo servers is down. Quotes keep coming unchanged: each server computes them from the clock, so every server still sends the same ones.',
  shared: 'The link between the demo servers is back.',
};

export function tickerNotice(code: LinkState): string {
  return JSON.stringify({ type: 'notice', code, message: TICKER_NOTICES[code] } satisfies LinkNotice);
}

/** A notice from a text message, or null: the view shows its `message` (plain text) and `code`. */
export function parseLinkNotice(data: unknown): LinkNotice | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (o.type !== 'notice' || (o.code !== 'local' && o.code !== 'shared') || typeof o.message !== 'string') return null;
  return { type: 'notice', code: o.code, message: o.message };
}
