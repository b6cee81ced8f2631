// The real machine as a `Host` for find.ts, and the browser path every Playwright launch in the project uses.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { findBrowser, type Host, type Lookup } from './find.ts';

export function realHost(): Host {
  return {
    env: process.env,
    platform: process.platform,
    home: homedir(),
    exists: (path) => existsSync(path),
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

export function lookupBrowser(): Lookup | null {
  return findBrowser(realHost());
}

/** For launch options: the browser `npm test` settled on, or undefined to let Playwright report its own error. */
export function browserPath(): string | undefined {
  const found = lookupBrowser();
  return found && 'path' in found ? found.path : undefined;
}

/** Flags for Chromium on a machine whose network is closed (no background calls home, no QUIC). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
