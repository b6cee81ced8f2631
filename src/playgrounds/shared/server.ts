import { defaultServerBase, endpointUrl, normalizeBase, SERVER_STORAGE_KEY } from '../../lib/serverUrl.ts';

// The server base every lab starts from: the reader's saved choice, else the build's PUBLIC_DEMO_SERVER,
// else this page's own origin.
export function initialServerBase(): string {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(SERVER_STORAGE_KEY);
  } catch {
    // Storage may be blocked; the default still works.
  }
  const fromSaved = saved ? normalizeBase(saved) : null;
  return fromSaved ?? defaultServerBase(location, import.meta.env.PUBLIC_DEMO_SERVER as string | undefined);
}

export function rememberServerBase(base: string): void {
  try {
    const fallback = defaultServerBase(location, import.meta.env.PUBLIC_DEMO_SERVER as string | undefined);
    if (base === fallback) localStorage.removeItem(SERVER_STORAGE_KEY);
    else localStorage.setItem(SERVER_STORAGE_KEY, base);
  } catch {
    // Not remembered; the lab still uses it this time.
  }
}

export { endpointUrl, normalizeBase };
