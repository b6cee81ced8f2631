// One line per connection (open, close with its code) and per refused handshake; never message contents.

export interface Log {
  line(text: string): void;
}

export function createLog(enabled: boolean, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Log {
  if (!enabled) return { line() {} };
  return {
    line(text) {
      write(`${new Date().toISOString()} ${text}`);
    },
  };
}

/** Keeps a client-chosen string on one line, free of control and bidi characters, and short. */
export function printable(text: string, max = 80): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
