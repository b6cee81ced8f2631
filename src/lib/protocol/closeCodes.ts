// Close status codes (RFC 6455 §7.4): what each means, whether it may travel in a close frame, and whether
// a page may pass it to WebSocket.close(). The decoder's close-frame check and the labs' explanations both
// read this table, so "valid" has one definition. The explanations are keys into text.en.ts / text.vi.ts.

import type { Message } from './message.ts';

export type CloseCodeInfo = {
  code: number;
  name: string;
  /** What the code means, for explain() in the reader's language. */
  meaning: Message;
  /** May appear in a close frame. 1005, 1006 and 1015 never do: they only report what happened. */
  onWire: boolean;
  /** WebSocket.close(code) accepts it: only 1000 and 3000–4999, anything else throws InvalidAccessError. */
  canSendFromBrowser: boolean;
  /** Where the code is defined. */
  rule: string;
};

export type CloseCodeRange = Omit<CloseCodeInfo, 'code'> & { from: number; to: number };

const RFC = 'RFC 6455 §7.4.1';
const IANA = 'IANA WebSocket Close Code Number Registry';

export const CLOSE_CODES: readonly CloseCodeInfo[] = [
  {
    code: 1000,
    name: 'Normal Closure',
    meaning: { key: 'protocol.close.1000' },
    onWire: true,
    canSendFromBrowser: true,
    rule: RFC,
  },
  {
    code: 1001,
    name: 'Going Away',
    meaning: { key: 'protocol.close.1001' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1002,
    name: 'Protocol Error',
    meaning: { key: 'protocol.close.1002' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1003,
    name: 'Unsupported Data',
    meaning: { key: 'protocol.close.1003' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1004,
    name: 'Reserved',
    meaning: { key: 'protocol.close.1004' },
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1005,
    name: 'No Status Received',
    meaning: { key: 'protocol.close.1005' },
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1006,
    name: 'Abnormal Closure',
    meaning: { key: 'protocol.close.1006' },
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1007,
    name: 'Invalid Frame Payload Data',
    meaning: { key: 'protocol.close.1007' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1008,
    name: 'Policy Violation',
    meaning: { key: 'protocol.close.1008' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1009,
    name: 'Message Too Big',
    meaning: { key: 'protocol.close.1009' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1010,
    name: 'Mandatory Extension',
    meaning: { key: 'protocol.close.1010' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1011,
    name: 'Internal Error',
    meaning: { key: 'protocol.close.1011' },
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1012,
    name: 'Service Restart',
    meaning: { key: 'protocol.close.1012' },
    onWire: true,
    canSendFromBrowser: false,
    rule: IANA,
  },
  {
    code: 1013,
    name: 'Try Again Later',
    meaning: { key: 'protocol.close.1013' },
    onWire: true,
    canSendFromBrowser: false,
    rule: IANA,
  },
  {
    code: 1014,
    name: 'Bad Gateway',
    meaning: { key: 'protocol.close.1014' },
    onWire: true,
    canSendFromBrowser: false,
    rule: IANA,
  },
  {
    code: 1015,
    name: 'TLS Handshake',
    meaning: { key: 'protocol.close.1015' },
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
];

export const CLOSE_CODE_RANGES: readonly CloseCodeRange[] = [
  {
    from: 0,
    to: 999,
    name: 'Unused',
    meaning: { key: 'protocol.closeRange.0' },
    onWire: false,
    canSendFromBrowser: false,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 1000,
    to: 2999,
    name: 'Protocol',
    meaning: { key: 'protocol.closeRange.1000' },
    onWire: false,
    canSendFromBrowser: false,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 3000,
    to: 3999,
    name: 'Registered',
    meaning: { key: 'protocol.closeRange.3000' },
    onWire: true,
    canSendFromBrowser: true,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 4000,
    to: 4999,
    name: 'Private Use',
    meaning: { key: 'protocol.closeRange.4000' },
    onWire: true,
    canSendFromBrowser: true,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 5000,
    to: 65535,
    name: 'Undefined',
    meaning: { key: 'protocol.closeRange.5000' },
    onWire: false,
    canSendFromBrowser: false,
    rule: 'RFC 6455 §7.4.2',
  },
];

/** What a status code means: its own entry when it has one, otherwise its range's. Null outside 0–65535. */
export function closeCodeInfo(code: number): CloseCodeInfo | null {
  const named = CLOSE_CODES.find((entry) => entry.code === code);
  if (named) return named;
  const range = CLOSE_CODE_RANGES.find((entry) => code >= entry.from && code <= entry.to);
  if (!range || !Number.isInteger(code)) return null;
  const { name, meaning, onWire, canSendFromBrowser, rule } = range;
  return { code, name, meaning, onWire, canSendFromBrowser, rule };
}

/** May `code` be sent in a close frame? 1000–1003, 1007–1014 and 3000–4999. */
export function isValidCloseCode(code: number): boolean {
  return closeCodeInfo(code)?.onWire ?? false;
}

/** Will WebSocket.close(code) accept it? Only 1000 and 3000–4999. */
export function canSendFromBrowser(code: number): boolean {
  return closeCodeInfo(code)?.canSendFromBrowser ?? false;
}
