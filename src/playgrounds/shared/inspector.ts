import { fill } from '../../i18n/format.ts';
import type { InspectError } from '../../lib/inspect/session.ts';
import { serverSetting } from './server.ts';

/**
 * What to tell the reader when the inspector stream failed ('' when it did not). `unreachableKey` names the
 * lab's own sentence for a server that cannot be reached.
 */
export function inspectErrorText(error: InspectError | null, strings: Record<string, string>, unreachableKey = 'inspect.unreachable'): string {
  if (!error) return '';
  if (error.kind === 'unreachable') return fill(strings[unreachableKey] ?? unreachableKey, { url: error.url });
  if (error.kind === 'badUrl') return fill(strings['inspect.badUrl'] ?? 'inspect.badUrl', { url: error.url, example: serverSetting().example('/echo') });
  return fill(strings['inspect.lost'] ?? 'inspect.lost', { code: error.code, reason: error.reason ? `, “${error.reason}”` : '' });
}
