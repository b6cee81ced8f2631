// The demo server's endpoints, in the page. Each does what its demo-server/endpoints/ module does, with
// the same rules from src/lib (query refusals, close parameters, faults, chat answers, the quote stream).
import { FAULT_CUT_AFTER_MS, FAULT_GAP_MS, faultAnnouncement, parseCloseQuery, parseFaultQuery } from '../close/serverRules.ts';
import { ENDPOINT_QUERY, endpointTraits, SLOW_PAUSE_MS, SLOW_READ_BYTES, type WebSocketPath } from '../endpoints.ts';
import { Firehose } from '../buffered/firehose.ts';
import { Beat } from '../heartbeat/rules.ts';
import { BAD_SESSION_REASON, isSessionId } from '../inspect/tap.ts';
import { chatNick } from '../realtime/chatServer.ts';
import { QuoteStream } from '../realtime/quoteStream.ts';
import { isRejection, readInteger, rejection } from '../server/params.ts';
import type { SimChatRoom } from './chatRoom.ts';
import type { Rate } from './link.ts';
import type { SimPeer } from './peer.ts';
import type { SimEndpoint } from './router.ts';
import type { SimSessions } from './sessions.ts';


function echoing(peer: SimPeer, fragments = 1): void {
  peer.onMessage = (data, binary) => peer.send(data, { binary, fragments });
}

function echo(path: '/echo' | '/echo-deflate'): SimEndpoint {
  return {
    ...endpointTraits(path),
    prepare(query) {
      const fragments = readInteger(query, 'fragment', ENDPOINT_QUERY['/echo'].fragment);
      if (isRejection(fragments)) return fragments;
      return (peer) => echoing(peer, fragments);
    },
  };
}

const close: SimEndpoint = {
  ...endpointTraits('/close'),
  prepare(query) {
    const request = parseCloseQuery(query);
    if (isRejection(request)) return request;
    const act = (peer: SimPeer) => (request.drop ? peer.terminate() : peer.close(request.code, request.reason));
    return (peer) => {
      echoing(peer);
      if (request.after === 0) act(peer);
      else peer.setTimer(request.after, () => act(peer));
    };
  },
};

const misbehave: SimEndpoint = {
  ...endpointTraits('/misbehave'),
  prepare(query) {
    const fault = parseFaultQuery(query);
    if (isRejection(fault)) return fault;
    return (peer) => {
      peer.send(faultAnnouncement(fault));
      peer.setTimer(FAULT_GAP_MS, () => {
        if (!peer.open) return;
        peer.writeRaw(Uint8Array.from(fault.bytes));
        peer.setTimer(FAULT_CUT_AFTER_MS, () => peer.terminate());
      });
    };
  },
};

// The link itself reads at /slow's rate; the endpoint acks each read period in which bytes arrived.
const slow: SimEndpoint = {
  ...endpointTraits('/slow'),
  readRate: { bytes: SLOW_READ_BYTES, everyMs: SLOW_PAUSE_MS },
  prepare() {
    return (peer) => {
      let bytes = 0;
      let messages = 0;
      let acked = 0;
      const cycle = (): void => {
        if (bytes !== acked) {
          acked = bytes;
          peer.send(JSON.stringify({ type: 'ack', bytes, messages }));
        }
        peer.setTimer(SLOW_PAUSE_MS, cycle);
      };
      peer.onMessage = (data) => {
        bytes += data.length;
        messages++;
      };
      peer.setTimer(SLOW_PAUSE_MS, cycle);
    };
  },
};

const ticker: SimEndpoint = {
  ...endpointTraits('/ticker'),
  prepare(query) {
    const hz = readInteger(query, 'hz', ENDPOINT_QUERY['/ticker'].hz);
    if (isRejection(hz)) return hz;
    return (peer) => {
      const stream = new QuoteStream(hz, (_quote, json) => peer.send(json));
      stream.start();
      peer.whenClosed(() => stream.stop());
    };
  },
};

// /heartbeat: a protocol Ping and a {"type":"ping","n":N} each interval; an unanswered ping by the next one closes with 4000.
const heartbeat: SimEndpoint = {
  ...endpointTraits('/heartbeat'),
  prepare(query) {
    const interval = readInteger(query, 'interval', ENDPOINT_QUERY['/heartbeat'].interval);
    if (isRejection(interval)) return interval;
    return (peer) => {
      const state = new Beat();
      const beat = (): void => {
        if (!peer.open) return;
        const next = state.due(interval);
        if ('close' in next) return peer.close(next.close, next.reason);
        peer.ping();
        peer.send(JSON.stringify({ type: 'ping', n: next.ping }));
        peer.setTimer(interval, beat);
      };
      peer.onMessage = (data, binary) => {
        const problem = state.answer(binary ? null : new TextDecoder().decode(data));
        if (problem) peer.send(JSON.stringify({ type: 'error', message: problem }));
      };
      beat();
    };
  },
};

function chat(room: SimChatRoom): SimEndpoint {
  return {
    ...endpointTraits('/chat'),
    prepare(query) {
      const nick = chatNick(query);
      if (isRejection(nick)) return nick;
      return (peer) => room.join(peer, nick);
    },
  };
}

function inspect(sessions: SimSessions): SimEndpoint {
  return {
    ...endpointTraits('/inspect'),
    prepare(query) {
      const id = query.get('session') ?? '';
      if (!isSessionId(id)) return rejection(400, BAD_SESSION_REASON);
      return (peer) => sessions.attach(id, peer);
    },
  };
}

/** What the simulated link from /firehose to the page carries: about 8 MiB/s, four times what one stream may send. */
export const FIREHOSE_LINK_RATE: Rate = { bytes: 80 * 1024, everyMs: 10 };

// /firehose, with the demo server's rules (src/lib/buffered/firehose.ts): a page that reads slowly through
// WebSocketStream pauses the link (SimulatedWebSocketStream), and the backlog shows in the peer's bufferedAmount.
function firehose(): SimEndpoint {
  const hose = new Firehose<SimPeer>({
    now: () => Date.now(),
    every(_peer, fn, ms) {
      const timer = setInterval(fn, ms);
      return () => clearInterval(timer);
    },
    later: (fn, ms) => void setTimeout(fn, ms),
  });
  return {
    ...endpointTraits('/firehose'),
    writeRate: FIREHOSE_LINK_RATE,
    prepare(query) {
      const open = hose.prepare(query);
      if (isRejection(open)) return open;
      return (peer) => {
        open(peer);
        peer.whenClosed(() => hose.closed(peer));
      };
    },
  };
}

/** Every endpoint of the demo server, by path (a path of src/lib/endpoints.ts without one is a type error). */
export function simEndpoints(room: SimChatRoom, sessions: SimSessions): Map<string, SimEndpoint> {
  const byPath: Record<WebSocketPath, SimEndpoint> = {
    '/echo': echo('/echo'),
    '/echo-deflate': echo('/echo-deflate'),
    '/close': close,
    '/misbehave': misbehave,
    '/slow': slow,
    '/ticker': ticker,
    '/chat': chat(room),
    '/heartbeat': heartbeat,
    '/inspect': inspect(sessions),
    '/firehose': firehose(),
  };
  return new Map(Object.entries(byPath));
}
