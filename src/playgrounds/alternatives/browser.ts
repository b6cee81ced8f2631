// What the comparison lab reads from the browser itself: the inputs of the request-head estimate, and
// Resource Timing entries for the lab's HTTP requests.
import type { MethodId } from '../../lib/realtime/compare.ts';
import type { BrowserProfile } from '../../lib/realtime/wire.ts';

type UserAgentData = { brands?: Array<{ brand: string; version: string }>; platform?: string; mobile?: boolean };

export function readProfile(): BrowserProfile {
  const uad = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  return {
    userAgent: navigator.userAgent,
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
    brands: uad?.brands ?? null,
    platform: uad?.platform ?? null,
    mobile: uad?.mobile ?? false,
    secureContext: isSecureContext,
    cookie: document.cookie,
  };
}

const ROUTES: Record<string, MethodId> = { '/alt/poll': 'poll', '/alt/long-poll': 'longPoll', '/alt/sse': 'sse' };

/**
 * Hands each finished /alt/… request's Resource Timing entry to `report`, by method. The uncounted first
 * request of each poller (since=0) and aborted requests are skipped. An event stream's entry appears only when the stream ends.
 */
export function watchResources(httpBase: string, report: (method: MethodId, entry: PerformanceResourceTiming) => void): () => void {
  if (typeof PerformanceObserver === 'undefined') return () => {};
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      // transferSize 0: a request that was aborted (the last long poll when a run stops) or served from cache.
      if (!entry.name.startsWith(`${httpBase}/alt/`) || entry.transferSize === 0) continue;
      const url = new URL(entry.name);
      const method = ROUTES[url.pathname];
      if (!method || url.searchParams.get('since') === '0') continue;
      report(method, entry);
    }
  });
  try {
    observer.observe({ type: 'resource' });
  } catch {
    return () => {};
  }
  return () => observer.disconnect();
}
