import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.ts';

// Chromium paints a page before it has all of it when the network pauses mid-document. Lighthouse caught the
// header painted up to its search box, or up to the start of its language link, and then moving when the rest
// arrived (CLS 0.0003–0.0005 in about 1 run in 12). Base.astro's `<link rel=expect>` holds
// the first frame until the whole header is parsed. Here a server relays the built site and pauses the page
// exactly at those two places (and twice further down), so the check does not depend on luck.

/** Relays the site at `origin`; `path`'s HTML arrives in five parts, 400 ms apart, split inside the header and the lesson. */
async function pausingRelay(origin: string, path: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const upstream = await fetch(`${origin}${req.url}`, { headers: { 'accept-encoding': 'identity' } });
    const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    if (req.url !== path) {
      res.writeHead(upstream.status, { 'content-type': type });
      res.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    const html = await upstream.text();
    const beforeTheme = html.indexOf('<label class="theme-switch"');
    const code = html.indexOf('class="lang-code"');
    const insideLangLink = html.indexOf('>', code) + 1;
    // Also mid-way through the table of contents (beside the text on a desktop) and in the text.
    const insideToc = html.indexOf('<li', html.indexOf('class="toc"')) + 300;
    const insideProse = html.indexOf('<p', html.indexOf('class="prose"') + 2000);
    const cuts = [beforeTheme, insideLangLink, insideToc, insideProse];
    if (beforeTheme < 0 || code < 0 || insideToc < 300 || insideProse < 0 || cuts.some((c, i) => i > 0 && c <= cuts[i - 1]!)) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`the page ${path} has changed: update the split points`);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    let from = 0;
    for (const cut of cuts) {
      res.write(html.slice(from, cut));
      from = cut;
      await new Promise((r) => setTimeout(r, 400));
    }
    res.end(html.slice(from));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const viewports = [
  { name: 'phone', width: 412, height: 823 },
  { name: 'desktop', width: 1280, height: 800 },
];
for (const path of ['/en/ready-state/', '/vi/errors/']) {
  for (const viewport of viewports) {
    test(`${path} on a ${viewport.name}: the first frame has the whole header and nothing moves as the page arrives`, async ({ page, baseURL }) => {
      const relay = await pausingRelay(baseURL!, path);
      try {
        await page.setViewportSize(viewport);
        await page.addInitScript(() => {
          const seen = { shifts: [] as string[], firstFrameHadWholeHeader: null as boolean | null };
          (window as unknown as { __seen: typeof seen }).__seen = seen;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as Array<{ value: number; sources: Array<{ node?: Node | null }> }>) {
              const nodes = entry.sources.map((s) => (s.node instanceof Element ? s.node.className : String(s.node?.nodeName)));
              seen.shifts.push(`${entry.value.toFixed(5)} ${nodes.join(', ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
          requestAnimationFrame(() => {
            seen.firstFrameHadWholeHeader = Boolean(document.querySelector('.site-header .lang-name')?.textContent);
          });
        });
        const response = await page.goto(relay.url);
        expect(response?.status(), await response?.text()).toBe(200);
        // Two more frames, so a shift from the last part's layout is reported.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const seen = await page.evaluate(() => (window as unknown as { __seen: { shifts: string[]; firstFrameHadWholeHeader: boolean } }).__seen);
        expect(seen.firstFrameHadWholeHeader).toBe(true);
        expect(seen.shifts).toEqual([]);
      } finally {
        await relay.close();
      }
    });
  }
}
