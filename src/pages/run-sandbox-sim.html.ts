// The runnable examples' sandbox with the simulated server inside it (see SIMULATED_SANDBOX_PATH in
// src/lib/runnable/sandbox.ts). The frame's policy runs inline scripts only, so the simulator goes in as one
// classic script: rolldown (the bundler Vite itself runs on) bundles it here, at build time and per request
// in `astro dev`.
import { resolve } from 'node:path';
import { rolldown } from 'rolldown';
import { sandboxDocument } from '../lib/runnable/sandbox.ts';

// Relative to the project root (where npm runs astro), not to this module, which Vite moves when it builds.
const ENTRY = resolve('src/lib/runnable/simulatedPrelude.ts');

async function simulatorScript(): Promise<string> {
  const bundle = await rolldown({ input: ENTRY, platform: 'browser', logLevel: 'warn' });
  try {
    const { output } = await bundle.generate({ format: 'iife', minify: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

export async function GET(): Promise<Response> {
  return new Response(sandboxDocument(await simulatorScript()), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
