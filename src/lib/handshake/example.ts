// The opening handshake RFC 6455 itself gives as its example (§1.3): the request, the 101 response, and the
// accept value the RFC computes from the key. The lesson and the lab show it when no live one is at hand.

import type { HandshakeRecord } from '../inspect/records.ts';

export const RFC_EXAMPLE_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
export const RFC_EXAMPLE_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

export const RFC_EXAMPLE: HandshakeRecord = {
  kind: 'handshake',
  request: {
    method: 'GET',
    path: '/chat',
    headers: [
      ['Host', 'server.example.com'],
      ['Upgrade', 'websocket'],
      ['Connection', 'Upgrade'],
      ['Sec-WebSocket-Key', RFC_EXAMPLE_KEY],
      ['Origin', 'http://example.com'],
      ['Sec-WebSocket-Protocol', 'chat, superchat'],
      ['Sec-WebSocket-Version', '13'],
    ],
  },
  response: {
    status: 101,
    statusText: 'Switching Protocols',
    headers: [
      ['Upgrade', 'websocket'],
      ['Connection', 'Upgrade'],
      ['Sec-WebSocket-Accept', RFC_EXAMPLE_ACCEPT],
      ['Sec-WebSocket-Protocol', 'chat'],
    ],
  },
};
