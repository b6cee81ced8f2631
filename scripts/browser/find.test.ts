import { describe, expect, it } from 'vitest';
import { findBrowser, installFailed, installPlan, type Host } from './find.ts';

function host(files: string[], env: Record<string, string> = {}, platform = 'linux', home = '/home/ana'): Host {
  const set = new Set(files);
  return {
    env,
    platform,
    home,
    exists: (p) => set.has(p),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]!))],
  };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH before everything else', () => {
    const h = host(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome' });
    expect(findBrowser(h)).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('reports a CHROMIUM_PATH that does not exist instead of silently using another browser', () => {
    const found = findBrowser(host(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope/chrome' }));
    expect(found).toEqual({ error: expect.stringContaining('/nope/chrome, which does not exist') });
  });

  it("finds Debian's chromium, then Ubuntu's chromium-browser, then Google Chrome", () => {
    expect(findBrowser(host(['/usr/bin/chromium', '/usr/bin/google-chrome']))).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(findBrowser(host(['/usr/bin/chromium-browser']))).toMatchObject({ path: '/usr/bin/chromium-browser' });
    expect(findBrowser(host(['/usr/bin/google-chrome-stable']))).toMatchObject({ path: '/usr/bin/google-chrome-stable' });
    expect(findBrowser(host(['/snap/bin/chromium']))).toMatchObject({ path: '/snap/bin/chromium' });
  });

  it('finds Chrome or Chromium on macOS, in /Applications or the home folder', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(host([chrome], {}, 'darwin'))).toEqual({ path: chrome, source: 'system' });
    const mine = '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(host([mine], {}, 'darwin', '/Users/ana'))).toMatchObject({ path: mine });
    // a Linux path means nothing on macOS
    expect(findBrowser(host(['/usr/bin/chromium'], {}, 'darwin'))).toBeNull();
  });

  it("falls back to the newest Chromium in Playwright's cache, skipping the headless shell", () => {
    const cache = '/home/ana/.cache/ms-playwright';
    const h = host([
      `${cache}/chromium-1100/chrome-linux/chrome`,
      `${cache}/chromium-1200/chrome-linux64/chrome`,
      `${cache}/chromium_headless_shell-1300/chrome-linux/headless_shell`,
    ]);
    expect(findBrowser(h)).toEqual({ path: `${cache}/chromium-1200/chrome-linux64/chrome`, source: 'playwright cache' });
  });

  it('honours PLAYWRIGHT_BROWSERS_PATH and the macOS cache folder', () => {
    expect(findBrowser(host(['/pw/chromium-9/chrome-linux/chrome'], { PLAYWRIGHT_BROWSERS_PATH: '/pw' }))).toMatchObject({
      path: '/pw/chromium-9/chrome-linux/chrome',
    });
    const mac = '/Users/ana/Library/Caches/ms-playwright/chromium-7/chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(host([mac], {}, 'darwin', '/Users/ana'))).toMatchObject({ path: mac, source: 'playwright cache' });
  });

  it('prefers a system browser over the cache, and finds nothing on an empty machine', () => {
    const cached = '/home/ana/.cache/ms-playwright/chromium-1/chrome-linux/chrome';
    expect(findBrowser(host([cached, '/usr/bin/chromium']))).toMatchObject({ source: 'system' });
    expect(findBrowser(host([]))).toBeNull();
  });
});

describe('installPlan', () => {
  it('installs with apt-get as root on Debian, updating first', () => {
    const plan = installPlan({ platform: 'linux', debian: true, root: true, passwordlessSudo: false });
    expect(plan).toMatchObject({ kind: 'apt' });
    expect(plan.kind === 'apt' && plan.commands).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'chromium'],
    ]);
  });

  it('uses sudo -n when it needs no password', () => {
    const plan = installPlan({ platform: 'linux', debian: true, root: false, passwordlessSudo: true });
    expect(plan.kind === 'apt' && plan.commands[1]).toEqual(['sudo', '-n', 'apt-get', 'install', '-y', '-qq', 'chromium']);
  });

  it('on Debian without rights, says exactly what to run instead of trying', () => {
    const plan = installPlan({ platform: 'linux', debian: true, root: false, passwordlessSudo: false });
    expect(plan).toEqual({ kind: 'none', message: expect.stringContaining('sudo apt-get update && sudo apt-get install -y chromium') });
  });

  it("elsewhere uses Playwright's own installer", () => {
    for (const platform of ['darwin', 'linux']) {
      const plan = installPlan({ platform, debian: false, root: false, passwordlessSudo: false });
      expect(plan).toMatchObject({ kind: 'playwright', commands: [['npx', 'playwright', 'install', 'chromium']] });
    }
  });

  it('a failed install ends with one instruction naming what was tried and CHROMIUM_PATH', () => {
    const plan = installPlan({ platform: 'darwin', debian: false, root: false, passwordlessSudo: false });
    if (plan.kind === 'none') throw new Error('expected a plan');
    expect(installFailed(plan)).toMatch(/npx playwright install chromium failed.*CHROMIUM_PATH/);
  });
});
