// Runs before the browser tests: find a Chromium (CHROMIUM_PATH, the system's, Playwright's cache), install
// one the platform's way when there is none, or stop with one instruction instead of 100+ identical failures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { installFailed, installPlan } from './browser/find.ts';
import { lookupBrowser } from './browser/host.ts';

function report(): boolean {
  const found = lookupBrowser();
  if (found && 'path' in found) {
    console.log(`browser tests: using ${found.path} (${found.source})`);
    return true;
  }
  if (found) {
    console.error(`browser tests: ${found.error}`);
    process.exit(1);
  }
  return false;
}

function succeeds(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

if (!report()) {
  const root = process.getuid?.() === 0;
  const plan = installPlan({
    platform: process.platform,
    debian: existsSync('/etc/debian_version') && (existsSync('/usr/bin/apt-get') || existsSync('/bin/apt-get')),
    root,
    passwordlessSudo: !root && process.platform !== 'win32' && succeeds('sudo', ['-n', 'true']),
  });
  if (plan.kind === 'none') {
    console.error(`browser tests: ${plan.message}`);
    process.exit(1);
  }
  console.log(`browser tests: ${plan.say}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok = plan.commands.every(([cmd, ...args]) => spawnSync(cmd!, args, { stdio: 'inherit', env }).status === 0);
  if (!ok || !report()) {
    console.error(`browser tests: ${installFailed(plan)}`);
    process.exit(1);
  }
}
