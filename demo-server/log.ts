// One line per connection (open, close with its code) and per refused handshake; never message contents.
// Errors (an endpoint that threw) are written whatever LOG_LEVEL says, with their stack, to stderr.

export interface Log {
  line(text: string): void;
  error(text: string, error: unknown): void;
}

export function createLog(
  enabled: boolean,
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  writeError: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Log {
  const stamp = (text: string) => `${new Date().toISOString()} ${text}`;
  return {
    line: enabled ? (text) => write(stamp(text)) : () => {},
    error(text, error) {
      const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
      writeError(stamp(`${text}: ${detail}`));
    },
  };
}

/** Keeps a client-chosen string on one line, free of control and bidi characters, and short. */
export function printable(text: string, max = 80): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
