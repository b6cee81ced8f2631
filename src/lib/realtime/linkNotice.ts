// What the demo server tells a chat member or a ticker reader when the link between its instances (Redis)
// goes down or comes back: {"type":"notice","code":"local"|"shared","message"}, one shape for both. The
// chat room is then cut in parts (demo-server/room.ts says so in its own words); the quotes need no link
// (each instance computes them from the clock, quotes.ts), so the ticker's notice says the stream carries on
// unchanged: it is there so a reader of a multi-instance deployment is never left to guess
// (docs/DEMO-SERVER.md, "/ticker").
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

/** A text message holding a JSON object, as its fields; null for anything else. */
export function jsonObject(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The notice in a message's fields (chat and ticker alike), or null. */
export function readLinkNotice(o: Record<string, unknown>): LinkNotice | null {
  if (o.type !== 'notice' || (o.code !== 'local' && o.code !== 'shared') || typeof o.message !== 'string') return null;
  return { type: 'notice', code: o.code, message: o.message };
}

/** A notice from a text message, or null: the view shows its `message` (plain text) and `code`. */
export function parseLinkNotice(data: unknown): LinkNotice | null {
  const o = jsonObject(data);
  return o && readLinkNotice(o);
}
