// The `test` every browser spec uses: Playwright's, plus a guard that fails the test when any page or frame
// it opened reports a Content-Security-Policy violation — the site's policy must allow everything it does.
import { expect, test as base } from '@playwright/test';

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', ({ frame }, text: string) => {
        violations.push(`${text} (in ${frame.url()})`);
      });
      // Runs in every document, sandboxed frames included, before the page's own scripts.
      await context.addInitScript(() => {
        addEventListener('securitypolicyviolation', (event) => {
          const text = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${event.sample ? `: ${event.sample}` : ''}`;
          const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
          if (report) void report(text);
          else console.error(`CSP violation: ${text}`);
        });
      });
      context.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy|CSP violation/i.test(msg.text())) violations.push(msg.text());
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type * from '@playwright/test';
