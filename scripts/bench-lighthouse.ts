// Lighthouse (phone profile, the system Chromium) over every built page, both languages: the four category
// scores, TBT, LCP and CLS. A benchmark that reports, not a test: scores move with the machine's load, so
// --runs=N measures every page N times (rounds over all pages, so a busy minute does not land on one page)
// and prints medians, and --baseline=DIR measures a second build (e.g. main's) in the same rounds, page for
// page right after this one, and prints both with the difference.
// Usage: npm run build && npm run bench:lighthouse [-- --runs=3] [-- --baseline=dist-main] [-- /en/frames/ …]
//        [-- --url=http://127.0.0.1:8080] [-- --json]
// Without --url it starts the demo server over dist/ (--dist=DIR) on PORT (default 5280), the baseline's on
// PORT+1, and stops them afterwards.
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { pagePaths } from './site-pages.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const asJson = args.includes('--json');
const given = option('url');
const dist = option('dist') ?? 'dist';
const baselineDist = option('baseline');
const runs = Math.max(1, Number(option('runs') ?? 1) || 1);
const only = args.filter((a) => a.startsWith('/'));
const paths = only.length ? only : pagePaths(dist);
const port = Number(process.env.PORT ?? 5280);

async function startServer(siteDir: string, port: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['demo-server/main.ts', '--port', String(port), '--site-dir', siteDir], {
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

type Measure = { performance: number; accessibility: number; bestPractices: number; seo: number; tbtMs: number; lcpMs: number; cls: number; failing: string[] };
type Row = Measure & { page: string; runs: number };

async function measure(url: string, chromePort: number): Promise<Measure | null> {
  // Lighthouse 13 sometimes cannot compute the metrics of a run (a LanternError, performance null): that run
  // is repeated once, and left out of the medians if it fails again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await lighthouse(url, {
      port: chromePort,
      output: 'json',
      logLevel: 'silent',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`no result for ${url}`);
    const { categories, audits } = result.lhr;
    if (categories.performance!.score === null) continue;
    // Audits that cost points in the three categories meant to be perfect, so a miss says why.
    const failing = ['accessibility', 'best-practices', 'seo'].flatMap((c) =>
      categories[c]!.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]!.score ?? 1) < 1).map((r) => r.id),
    );
    // A layout shift is rare and hard to catch again: say which element moved.
    const shifts = (audits['layout-shifts']?.details as { items?: Array<{ node?: { selector?: string } }> } | undefined)?.items ?? [];
    for (const shift of shifts) failing.push(`shifted:${shift.node?.selector ?? '?'}`);
    return {
      performance: categories.performance!.score ?? 0,
      accessibility: categories.accessibility!.score ?? 0,
      bestPractices: categories['best-practices']!.score ?? 0,
      seo: categories.seo!.score ?? 0,
      tbtMs: Math.round(audits['total-blocking-time']!.numericValue ?? 0),
      lcpMs: Math.round(audits['largest-contentful-paint']!.numericValue ?? 0),
      cls: Number((audits['cumulative-layout-shift']!.numericValue ?? 0).toFixed(3)),
      failing,
    };
  }
  return null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Medians of a page's runs (the category scores too); CLS is the worst run's, failing audits any run's. */
function summarize(page: string, measures: Measure[]): Row | null {
  if (measures.length === 0) return null;
  const of = (key: 'performance' | 'accessibility' | 'bestPractices' | 'seo' | 'tbtMs' | 'lcpMs') => median(measures.map((m) => m[key]));
  return {
    page,
    runs: measures.length,
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
    tbtMs: Math.round(of('tbtMs')),
    lcpMs: Math.round(of('lcpMs')),
    cls: Math.max(...measures.map((m) => m.cls)),
    failing: [...new Set(measures.flatMap((m) => m.failing))],
  };
}

const servers = given
  ? [{ url: given.replace(/\/$/, ''), stop: () => {} }]
  : [await startServer(dist, port), ...(baselineDist ? [await startServer(baselineDist, port + 1)] : [])];
const [site, baseline] = servers;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

// Stopped early (Ctrl-C): the browser and the servers started here go too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    chrome.kill();
    for (const s of servers) s.stop();
    process.exit(130);
  });
}

const fmt = (n: number) => n.toFixed(2);
const measured = new Map(paths.map((p) => [p, [] as Measure[]]));
const measuredBase = new Map(paths.map((p) => [p, [] as Measure[]]));
let missed = 0;
try {
  for (let round = 1; round <= runs; round++) {
    if (!asJson && runs > 1) console.error(`round ${round}/${runs}…`);
    for (const path of paths) {
      const m = await measure(`${site!.url}${path}`, chrome.port);
      if (m) measured.get(path)!.push(m);
      else missed++;
      if (baseline) {
        const b = await measure(`${baseline.url}${path}`, chrome.port);
        if (b) measuredBase.get(path)!.push(b);
        else missed++;
      }
    }
  }
} finally {
  chrome.kill();
  for (const s of servers) s.stop();
}

const rows = paths.map((p) => summarize(p, measured.get(p)!)).filter((r): r is Row => r !== null);
const baseRows = new Map(paths.map((p) => [p, summarize(p, measuredBase.get(p)!)]));
const good = (r: Row) => r.accessibility === 1 && r.bestPractices === 1 && r.seo === 1 && r.performance >= 0.95 && r.cls === 0;

if (asJson) {
  console.log(JSON.stringify({ runs, rows, baseline: baselineDist ? [...baseRows.values()].filter(Boolean) : undefined }, null, 2));
} else {
  const vs = (now: number, before: number | undefined, digits: (n: number) => string) => (before === undefined ? digits(now) : `${digits(before)}→${digits(now)}`);
  const ms = (n: number) => String(n);
  console.log(
    `${runs} run(s) per page, medians${baselineDist ? `; baseline ${baselineDist}→this build` : ''}\n` +
      `${'page'.padEnd(36)} ${'perf'.padEnd(baselineDist ? 10 : 5)} a11y  bp    seo   ${'TBT ms'.padEnd(baselineDist ? 10 : 7)} ${'LCP ms'.padEnd(baselineDist ? 10 : 7)} CLS    failing audits`,
  );
  for (const r of rows) {
    const b = baseRows.get(r.page) ?? undefined;
    console.log(
      `${r.page.padEnd(36)} ${vs(r.performance, b?.performance, fmt).padEnd(baselineDist ? 10 : 5)} ${fmt(r.accessibility)}  ${fmt(r.bestPractices)}  ${fmt(r.seo)}  ` +
        `${vs(r.tbtMs, b?.tbtMs, ms).padEnd(baselineDist ? 10 : 7)} ${vs(r.lcpMs, b?.lcpMs, ms).padEnd(baselineDist ? 10 : 7)} ${r.cls.toFixed(3)}  ${r.failing.join(' ')}`,
    );
  }
  const summary = (list: Row[]) =>
    `${list.filter(good).length}/${list.length} pages at 1.00 accessibility, best practices and SEO, performance >= 0.95 and CLS 0; ` +
    `lowest performance ${fmt(Math.min(...list.map((r) => r.performance)))}, median TBT ${median(list.map((r) => r.tbtMs))} ms, highest ${Math.max(...list.map((r) => r.tbtMs))} ms`;
  console.log(`\nthis build: ${summary(rows)}`);
  const base = [...baseRows.values()].filter((r): r is Row => r !== null);
  if (baselineDist && base.length) console.log(`baseline:   ${summary(base)}`);
  if (missed) console.log(`${missed} run(s) gave no performance score (Lighthouse could not compute the metrics) and are left out`);
}
