// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { codeThemes } from './src/components/code-themes.ts';

// The WebSocket paths the demo server answers; `astro dev` proxies them so dev pages stay same-origin.
const demoServer = process.env.DEMO_SERVER_TARGET ?? 'http://127.0.0.1:8080';
const wsPaths = ['/echo', '/echo-deflate', '/ticker', '/chat', '/slow', '/close', '/misbehave', '/firehose', '/inspect'];
const httpPaths = ['/alt', '/healthz'];

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
        ...wsPaths.map((p) => [p, { target: demoServer, ws: true }]),
        ...httpPaths.map((p) => [p, { target: demoServer }]),
      ]),
    },
  },
});
