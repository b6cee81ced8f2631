// Where a lesson's references may point, and the sections and anchors they may name. Every RFC section and
// WHATWG anchor listed here was checked against the document itself (RFC tables of contents, the WebSockets
// Standard's source); a reference to anything not listed is refused, so a section number cannot be invented.

/** Hosts a reference may link to, always over https. */
export const ALLOWED_HOSTS: readonly string[] = [
  'www.rfc-editor.org',
  'datatracker.ietf.org',
  'websockets.spec.whatwg.org',
  'html.spec.whatwg.org',
  'fetch.spec.whatwg.org',
  'url.spec.whatwg.org',
  'streams.spec.whatwg.org',
  'developer.mozilla.org',
  'cheatsheetseries.owasp.org',
  'www.iana.org',
  'github.com',
  'developer.chrome.com',
  'nginx.org',
  'caddyserver.com',
  'socket.io',
  'learn.microsoft.com',
  'w3c.github.io',
  'docs.aws.amazon.com',
  'developers.cloudflare.com',
  'nodejs.org',
];

/** RFC number → section → its title in the RFC's table of contents. */
export const RFC_SECTIONS: Readonly<Record<string, { title: string; sections: Readonly<Record<string, string>> }>> = {
  '6455': {
    title: 'The WebSocket Protocol',
    sections: {
      '1.1': 'Background',
      '1.2': 'Protocol Overview',
      '1.3': 'Opening Handshake',
      '1.4': 'Closing Handshake',
      '1.5': 'Design Philosophy',
      '1.6': 'Security Model',
      '1.7': 'Relationship to TCP and HTTP',
      '1.8': 'Establishing a Connection',
      '1.9': 'Subprotocols Using the WebSocket Protocol',
      '3': 'WebSocket URIs',
      '4': 'Opening Handshake',
      '4.1': 'Client Requirements',
      '4.2': 'Server-Side Requirements',
      '4.2.1': "Reading the Client's Opening Handshake",
      '4.2.2': "Sending the Server's Opening Handshake",
      '4.3': 'Collected ABNF for New Header Fields Used in Handshake',
      '4.4': 'Supporting Multiple Versions of WebSocket Protocol',
      '5': 'Data Framing',
      '5.1': 'Overview',
      '5.2': 'Base Framing Protocol',
      '5.3': 'Client-to-Server Masking',
      '5.4': 'Fragmentation',
      '5.5': 'Control Frames',
      '5.5.1': 'Close',
      '5.5.2': 'Ping',
      '5.5.3': 'Pong',
      '5.6': 'Data Frames',
      '5.7': 'Examples',
      '5.8': 'Extensibility',
      '6': 'Sending and Receiving Data',
      '6.1': 'Sending Data',
      '6.2': 'Receiving Data',
      '7': 'Closing the Connection',
      '7.1.1': 'Close the WebSocket Connection',
      '7.1.2': 'Start the WebSocket Closing Handshake',
      '7.1.3': 'The WebSocket Closing Handshake is Started',
      '7.1.4': 'The WebSocket Connection is Closed',
      '7.1.5': 'The WebSocket Connection Close Code',
      '7.1.6': 'The WebSocket Connection Close Reason',
      '7.1.7': 'Fail the WebSocket Connection',
      '7.2': 'Abnormal Closures',
      '7.2.3': 'Recovering from Abnormal Closure',
      '7.3': 'Normal Closure of Connections',
      '7.4': 'Status Codes',
      '7.4.1': 'Defined Status Codes',
      '7.4.2': 'Reserved Status Code Ranges',
      '8.1': 'Handling Errors in UTF-8-Encoded Data',
      '9': 'Extensions',
      '9.1': 'Negotiating Extensions',
      '10.1': 'Non-Browser Clients',
      '10.2': 'Origin Considerations',
      '10.3': 'Attacks On Infrastructure (Masking)',
      '10.4': 'Implementation-Specific Limits',
      '10.5': 'WebSocket Client Authentication',
      '10.6': 'Connection Confidentiality and Integrity',
      '10.7': 'Handling of Invalid Data',
      '11.3.4': 'Sec-WebSocket-Protocol',
      '11.5': 'WebSocket Subprotocol Name Registry',
      '11.7': 'WebSocket Close Code Number Registry',
      '11.8': 'WebSocket Opcode Registry',
    },
  },
  '7692': {
    title: 'Compression Extensions for WebSocket',
    sections: {
      '7': 'The "permessage-deflate" Extension',
      '7.1': 'Extension Parameters',
      '7.1.1': 'Context Takeover Control',
      '7.1.2': 'Limiting the LZ77 Sliding Window Size',
      '8': 'Security Considerations',
    },
  },
  '8441': {
    title: 'Bootstrapping WebSockets with HTTP/2',
    sections: {
      '3': 'The SETTINGS_ENABLE_CONNECT_PROTOCOL SETTINGS Parameter',
      '4': 'The Extended CONNECT Method',
      '5': 'Using Extended CONNECT to Bootstrap the WebSocket Protocol',
    },
  },
  '9220': {
    title: 'Bootstrapping WebSockets with HTTP/3',
    sections: { '3': 'WebSockets Upgrade over HTTP/3' },
  },
  '9110': {
    title: 'HTTP Semantics',
    sections: {
      '7.6.1': 'Connection',
      '7.8': 'Upgrade',
      '15.2.2': '101 Switching Protocols',
      '15.5.22': '426 Upgrade Required',
    },
  },
  '6202': {
    title: 'Known Issues and Best Practices for the Use of Long Polling and Streaming in Bidirectional HTTP',
    sections: {},
  },
};

/** Anchors of the WHATWG WebSockets Standard (websockets.spec.whatwg.org) → what is there. */
export const WHATWG_ANCHORS: Readonly<Record<string, string>> = {
  'websocket-protocol': 'WebSocket protocol alterations',
  'concept-websocket-establish': 'establish a WebSocket connection',
  'the-websocket-interface': 'the WebSocket interface',
  'dom-websocket-websocket': 'new WebSocket(url, protocols)',
  'dom-websocket-url': 'url',
  'dom-websocket-readystate': 'readyState',
  'dom-websocket-bufferedamount': 'bufferedAmount',
  'dom-websocket-extensions': 'extensions',
  'dom-websocket-protocol': 'protocol',
  'dom-websocket-close': 'close(code, reason)',
  'dom-websocket-binarytype': 'binaryType',
  'dom-websocket-send': 'send(data)',
  'feedback-from-the-protocol': 'feedback from the protocol',
  closeWebSocket: 'when the WebSocket connection is closed',
  'ping-and-pong-frames': 'Ping and Pong frames',
  'the-closeevent-interface': 'the CloseEvent interface',
  'garbage-collection': 'garbage collection',
  'make-disappear': 'make disappear',
};

/** How a lesson names the WHATWG WebSockets Standard in its own language. */
const STANDARD = { en: 'WHATWG WebSockets Standard', vi: 'Chuẩn WHATWG WebSockets' } as const;

export type RefProps = { rfc?: string; section?: string; whatwg?: string; href?: string; title?: string };
export type ResolvedRef = { href: string; title: string };

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new Error(`Reference: ${message}`);
};

/**
 * A reference's link and link text. RFCs and the WebSockets Standard are named by number/section or anchor
 * (`rfc="6455" section="7.1.5"`, `whatwg="feedback-from-the-protocol"`), so their URLs and titles come from
 * the catalogue above; anything else needs an https `href` on an allowed host and a `title`.
 */
export function resolveReference(props: RefProps, lang: 'en' | 'vi' = 'en'): ResolvedRef {
  const { rfc, section, whatwg, href, title } = props;
  check([rfc, whatwg, href].filter(Boolean).length === 1, `give exactly one of rfc, whatwg or href (got ${JSON.stringify(props)})`);
  if (rfc) {
    const doc = RFC_SECTIONS[rfc];
    check(doc, `RFC ${rfc} is not in the catalogue (src/lib/references/sources.ts)`);
    if (!section) return { href: `https://www.rfc-editor.org/rfc/rfc${rfc}`, title: title ?? `RFC ${rfc}: ${doc!.title}` };
    const name = doc!.sections[section];
    check(name, `RFC ${rfc} has no section ${section} in the catalogue`);
    return { href: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`, title: title ?? `RFC ${rfc} §${section}: ${name}` };
  }
  check(!section, 'section goes with rfc');
  if (whatwg) {
    const name = WHATWG_ANCHORS[whatwg];
    check(name, `the WebSockets Standard anchor #${whatwg} is not in the catalogue`);
    return { href: `https://websockets.spec.whatwg.org/#${whatwg}`, title: title ?? `${STANDARD[lang]}: ${name}` };
  }
  let url: URL;
  try {
    url = new URL(href!);
  } catch {
    throw new Error(`Reference: ${href} is not a URL`);
  }
  check(url.protocol === 'https:', `${href} is not https`);
  check(ALLOWED_HOSTS.includes(url.host), `${url.host} is not an allowed host (ALLOWED_HOSTS)`);
  check(url.host !== 'websockets.spec.whatwg.org', `name the WebSockets Standard by its anchor: whatwg="${url.hash.slice(1)}"`);
  check(url.host !== 'www.rfc-editor.org', 'name an RFC by number and section: rfc="…" section="…"');
  check(title && title.trim(), `${href} needs a title`);
  return { href: url.href, title: title! };
}
