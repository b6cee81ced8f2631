// Which Chromium the browser tests drive, and what to do when there is none.
// Pure: the machine is passed in as a `Host`, so the lookup is tested with fake paths and environments
// (find.test.ts) and not only exercised on machines that happen to lack a browser.

export interface Host {
  env: Record<string, string | undefined>;
  platform: string; // process.platform
  home: string;
  exists(path: string): boolean;
  /** Names in a directory, or [] when it does not exist. */
  list(dir: string): string[];
}

export interface Found {
  path: string;
  /** Said in the one line `npm test` prints. */
  source: 'CHROMIUM_PATH' | 'system' | 'playwright cache';
}

/** Usual places of a system Chromium or Chrome, in the order we prefer them. */
export function systemCandidates(platform: string, home: string): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => `${home}/Applications/${a}`)];
  }
  if (platform === 'linux') {
    const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
    return [...names.map((n) => `/usr/bin/${n}`), '/snap/bin/chromium', ...names.map((n) => `/usr/local/bin/${n}`)];
  }
  return [];
}

/** Where Playwright keeps the browsers it downloaded (its documented defaults, or PLAYWRIGHT_BROWSERS_PATH). */
export function playwrightCacheDir(host: Pick<Host, 'env' | 'platform' | 'home'>): string | null {
  const custom = host.env.PLAYWRIGHT_BROWSERS_PATH;
  if (custom && custom !== '0') return custom;
  if (host.platform === 'darwin') return `${host.home}/Library/Caches/ms-playwright`;
  if (host.platform === 'linux') return `${host.env.XDG_CACHE_HOME || `${host.home}/.cache`}/ms-playwright`;
  return null;
}

// Inside `chromium-<revision>/`; the folder names changed across Playwright versions, so try each.
const cacheLayouts: Record<string, string[]> = {
  linux: ['chrome-linux64/chrome', 'chrome-linux/chrome'],
  darwin: [
    'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
};

/** The newest full Chromium in Playwright's cache (the headless shell cannot run headed debugging, so skip it). */
export function playwrightCached(host: Host): string | null {
  const dir = playwrightCacheDir(host);
  const layouts = cacheLayouts[host.platform];
  if (!dir || !layouts) return null;
  const revisions = host
    .list(dir)
    .map((name) => /^chromium-(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  for (const [name] of revisions) {
    for (const layout of layouts) {
      const path = `${dir}/${name}/${layout}`;
      if (host.exists(path)) return path;
    }
  }
  return null;
}

export type Lookup = Found | { error: string };

/** CHROMIUM_PATH first (and only it, when set: a wrong path is a mistake to report, not to work around), then the system, then Playwright's cache. */
export function findBrowser(host: Host): Lookup | null {
  const chosen = host.env.CHROMIUM_PATH;
  if (chosen) {
    return host.exists(chosen)
      ? { path: chosen, source: 'CHROMIUM_PATH' }
      : { error: `CHROMIUM_PATH is set to ${chosen}, which does not exist. Point it at a Chromium or Chrome binary, or unset it.` };
  }
  const system = systemCandidates(host.platform, host.home).find((p) => host.exists(p));
  if (system) return { path: system, source: 'system' };
  const cached = playwrightCached(host);
  if (cached) return { path: cached, source: 'playwright cache' };
  return null;
}

export interface InstallContext {
  platform: string;
  /** /etc/debian_version exists (Debian, Ubuntu and their derivatives) and apt-get is there. */
  debian: boolean;
  root: boolean;
  /** `sudo -n true` succeeds. */
  passwordlessSudo: boolean;
}

export type InstallPlan =
  | { kind: 'apt'; commands: string[][]; say: string }
  | { kind: 'playwright'; commands: string[][]; say: string }
  | { kind: 'none'; message: string };

/** How to get a browser when none was found: the platform's own way, or a one-line instruction. */
export function installPlan(ctx: InstallContext): InstallPlan {
  if (ctx.debian) {
    if (ctx.root || ctx.passwordlessSudo) {
      const sudo = ctx.root ? [] : ['sudo', '-n'];
      return {
        kind: 'apt',
        commands: [
          [...sudo, 'apt-get', 'update', '-qq'],
          [...sudo, 'apt-get', 'install', '-y', '-qq', 'chromium'],
        ],
        say: `no Chromium found; installing Debian's chromium with apt-get${ctx.root ? '' : ' (through sudo)'}`,
      };
    }
    return {
      kind: 'none',
      message:
        'No Chromium or Chrome found, and installing one needs root. Run: sudo apt-get update && sudo apt-get install -y chromium — or set CHROMIUM_PATH to a Chromium or Chrome binary. Then run npm test again.',
    };
  }
  if (ctx.platform === 'linux' || ctx.platform === 'darwin' || ctx.platform === 'win32') {
    return {
      kind: 'playwright',
      commands: [['npx', 'playwright', 'install', 'chromium']],
      say: "no Chromium or Chrome found; downloading Playwright's Chromium (npx playwright install chromium)",
    };
  }
  return {
    kind: 'none',
    message: `No Chromium or Chrome found on ${ctx.platform}. Install Chromium or Chrome and set CHROMIUM_PATH to its binary, then run npm test again.`,
  };
}

/** The message when the platform's way of installing was tried and failed (no network, no rights). */
export function installFailed(plan: Exclude<InstallPlan, { kind: 'none' }>): string {
  const ran = plan.commands.map((c) => c.join(' ')).join(' && ');
  return `Could not install a browser (${ran} failed; see above). Install Chromium or Chrome yourself and set CHROMIUM_PATH to its binary, then run npm test again.`;
}
