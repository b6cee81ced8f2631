import { defineConfig } from 'vitest/config';

// Unit tests cover framework-free code only (src/lib, demo-server, scripts), so no Astro/Svelte plugins are needed.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'demo-server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
