import { translate, type UiKey, type UiStrings } from '../../i18n/format.ts';
import type { InspectError } from '../../lib/inspect/session.ts';
import { serverSetting } from './server.ts';

/**
 * What to tell the reader when the inspector stream failed ('' when it did not). `unreachableKey` names the
 * lab's own sentence for a server that cannot be reached.
 */
export function inspectErrorText(error: InspectError | null, strings: UiStrings, unreachableKey: UiKey = 'inspect.unreachable'): string {
  if (!error) return '';
  if (error.kind === 'unreachable') return translate(strings, unreachableKey, { url: error.url });
  if (error.kind === 'badUrl') return translate(strings, 'inspect.badUrl', { url: error.url, example: serverSetting().example('/echo') });
  return translate(strings, 'inspect.lost', { code: error.code, reason: error.reason ? `, “${error.reason}”` : '' });
}
