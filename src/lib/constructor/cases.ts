// Calls worth trying, one per rule of the constructor: the lab offers them as presets, and the browser test
// runs every one through the real constructor to prove the model agrees with Chromium.

import type { KeysUnder } from '../../i18n/format.ts';

export type PageKind = 'this' | 'https';

export type ConstructorCase = {
  /** Names the preset's button: `ctor.case.<id>` in the UI strings. */
  id: KeysUnder<'ctor.case.'>;
  /** The first argument, exactly as typed. */
  url: string;
  /** The second argument as the lab's field holds it (JSON), '' when left out. */
  protocols: string;
  /** 'https' puts the call on an https: page, where ws: is mixed content. */
  page: PageKind;
};

/** An https: page for the mixed-content cases; the lab never loads it, it only resolves against it. */
export const HTTPS_PAGE = 'https://example.com/app/chat.html';

export const CONSTRUCTOR_CASES: readonly ConstructorCase[] = [
  { id: 'relative', url: '/echo', protocols: '', page: 'this' },
  { id: 'http', url: 'http://127.0.0.1:9/feed?room=1', protocols: '', page: 'this' },
  { id: 'normalized', url: 'WS://LocalHost:9/Ä b', protocols: '', page: 'this' },
  { id: 'emptyFragment', url: 'ws://127.0.0.1:9/#', protocols: '', page: 'this' },
  { id: 'fragment', url: '/echo#top', protocols: '', page: 'this' },
  { id: 'ftp', url: 'ftp://127.0.0.1:9/', protocols: '', page: 'this' },
  { id: 'badPort', url: 'ws://127.0.0.1:65536/', protocols: '', page: 'this' },
  { id: 'protocolString', url: '/echo', protocols: '"json"', page: 'this' },
  { id: 'caseDiffers', url: '/echo', protocols: '["chat", "CHAT"]', page: 'this' },
  { id: 'duplicate', url: '/echo', protocols: '["chat", "v2", "chat"]', page: 'this' },
  { id: 'comma', url: '/echo', protocols: '["chat,v2"]', page: 'this' },
  { id: 'empty', url: '/echo', protocols: '""', page: 'this' },
  { id: 'mixed', url: 'ws://example.com/live', protocols: '', page: 'https' },
  { id: 'mixedLoopback', url: 'ws://127.0.0.1:9/', protocols: '', page: 'https' },
  { id: 'httpsRelative', url: '/live', protocols: '', page: 'https' },
];
