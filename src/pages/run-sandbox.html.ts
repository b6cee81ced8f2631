// The document runnable examples execute in (see src/lib/runnable/sandbox.ts), built as a static file.
import { sandboxDocument } from '../lib/runnable/sandbox.ts';

export function GET(): Response {
  return new Response(sandboxDocument(), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
