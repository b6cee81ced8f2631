// Lighthouse (phone profile, the system Chromium) over every built page, both languages: the four category
// scores, TBT and CLS. A benchmark that reports, not a test: scores move with the machine's load.
// Usage: npm run build && npm run bench:lighthouse [-- --url=http://127.0.0.1:8080] [-- /en/frames/ …] [-- --json]
// Without --url it starts the demo server over dist/ on PORT (default 5280) and stops it afterwards.
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { pagePaths } from './site-pages.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const given = args.find((a) => a.startsWith('--url='))?.slice(6);
const dist = args.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist';
const only = args.filter((a) => a.startsWith('/'));
const paths = only.length ? only : pagePaths(dist);

async function startServer(port: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['demo-server/main.ts', '--port', String(port), '--site-dir', dist], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`demo server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('demo server did not start');
}

const server = given ? { url: given.replace(/\/$/, ''), stop: () => {} } : await startServer(Number(process.env.PORT ?? 5280));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

type Row = { page: string; performance: number; accessibility: number; bestPractices: number; seo: number; tbtMs: number; cls: number; failing: string[] };
const rows: Row[] = [];
const fmt = (n: number) => n.toFixed(2);
try {
  if (!asJson) console.log(`${'page'.padEnd(40)} perf  a11y  bp    seo   TBT ms  CLS    failing audits`);
  for (const path of paths) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`no result for ${path}`);
    const { categories, audits } = result.lhr;
    // Audits that cost points in the three categories meant to be perfect, so a miss says why.
    const failing = ['accessibility', 'best-practices', 'seo'].flatMap((c) =>
      categories[c]!.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]!.score ?? 1) < 1).map((r) => r.id),
    );
    const row: Row = {
      page: path,
      performance: categories.performance!.score ?? 0,
      accessibility: categories.accessibility!.score ?? 0,
      bestPractices: categories['best-practices']!.score ?? 0,
      seo: categories.seo!.score ?? 0,
      tbtMs: Math.round(audits['total-blocking-time']!.numericValue ?? 0),
      cls: Number((audits['cumulative-layout-shift']!.numericValue ?? 0).toFixed(3)),
      failing,
    };
    rows.push(row);
    if (!asJson) {
      console.log(
        `${row.page.padEnd(40)} ${fmt(row.performance)}  ${fmt(row.accessibility)}  ${fmt(row.bestPractices)}  ${fmt(row.seo)}  ` +
          `${String(row.tbtMs).padStart(6)}  ${row.cls.toFixed(3)}  ${failing.join(' ')}`,
      );
    }
  }
} finally {
  chrome.kill();
  server.stop();
}

if (asJson) console.log(JSON.stringify(rows, null, 2));
else {
  const perfect = rows.filter((r) => r.accessibility === 1 && r.bestPractices === 1 && r.seo === 1 && r.performance >= 0.95 && r.cls === 0);
  console.log(`\n${perfect.length}/${rows.length} pages at 1.00 accessibility, best practices and SEO, performance >= 0.95 and CLS 0`);
  console.log(`lowest performance: ${fmt(Math.min(...rows.map((r) => r.performance)))}; highest TBT: ${Math.max(...rows.map((r) => r.tbtMs))} ms`);
}
