// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { codeThemes } from './src/components/code-themes.ts';
import { PROXIED_HTTP_PREFIXES, WEBSOCKET_PATHS } from './src/lib/endpoints.ts';

// `astro dev` proxies the demo server's paths (src/lib/endpoints.ts) so dev pages stay same-origin.
const demoServer = process.env.DEMO_SERVER_TARGET ?? 'http://127.0.0.1:8080';

// OUT_DIR lets several builds (e.g. parallel test runs) live side by side without sharing caches.
const outDir = process.env.OUT_DIR || 'dist';

export default defineConfig({
  outDir,
  cacheDir: outDir === 'dist' ? undefined : `node_modules/.astro-${outDir.replace(/\W+/g, '_')}`,
  site: process.env.SITE_URL ?? 'http://localhost:8080',
  trailingSlash: 'always',
  integrations: [mdx(), svelte()],
  markdown: {
    shikiConfig: {
      themes: codeThemes,
      defaultColor: false,
    },
  },
  vite: {
    server: {
      proxy: Object.fromEntries([
        ...WEBSOCKET_PATHS.map((p) => [p, { target: demoServer, ws: true }]),
        ...PROXIED_HTTP_PREFIXES.map((p) => [p, { target: demoServer }]),
      ]),
    },
  },
});
