// The demo server's endpoints, in the page. Each does what its demo-server/endpoints/ module does, with
// the same rules from src/lib (query refusals, close parameters, faults, chat answers, the quote stream).
import { FAULT_CUT_AFTER_MS, FAULT_GAP_MS, faultAnnouncement, parseCloseQuery, parseFaultQuery } from '../close/serverRules.ts';
import { SLOW_PAUSE_MS, SLOW_READ_BYTES } from '../endpoints.ts';
import { BAD_SESSION_REASON, isSessionId } from '../inspect/tap.ts';
import { chatNick } from '../realtime/chatServer.ts';
import { DEFAULT_HZ, MAX_HZ, MIN_HZ } from '../realtime/quotes.ts';
import { QuoteStream } from '../realtime/quoteStream.ts';
import { intParam, isRejection, rejection } from '../server/params.ts';
import type { SimChatRoom } from './chatRoom.ts';
import type { SimPeer } from './peer.ts';
import type { SimEndpoint } from './router.ts';
import type { SimSessions } from './sessions.ts';


function echoing(peer: SimPeer, fragments = 1): void {
  peer.onMessage = (data, binary) => peer.send(data, { binary, fragments });
}

function echo(deflate: boolean): SimEndpoint {
  return {
    protocols: ['echo', 'json'],
    deflate,
    prepare(query) {
      const fragments = intParam(query, 'fragment', 2, 16, 1);
      if (isRejection(fragments)) return fragments;
      return (peer) => echoing(peer, fragments);
    },
  };
}

const close: SimEndpoint = {
  protocols: [],
  deflate: false,
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
  protocols: [],
  deflate: false,
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
  protocols: [],
  deflate: false,
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
  protocols: [],
  deflate: false,
  prepare(query) {
    const hz = intParam(query, 'hz', MIN_HZ, MAX_HZ, DEFAULT_HZ);
    if (isRejection(hz)) return hz;
    return (peer) => {
      const stream = new QuoteStream(hz, (_quote, json) => peer.send(json));
      stream.start();
      peer.whenClosed(() => stream.stop());
    };
  },
};

function chat(room: SimChatRoom): SimEndpoint {
  return {
    protocols: [],
    deflate: false,
    prepare(query) {
      const nick = chatNick(query);
      if (isRejection(nick)) return nick;
      return (peer) => room.join(peer, nick);
    },
  };
}

function inspect(sessions: SimSessions): SimEndpoint {
  return {
    protocols: [],
    deflate: false,
    prepare(query) {
      const id = query.get('session') ?? '';
      if (!isSessionId(id)) return rejection(400, BAD_SESSION_REASON);
      return (peer) => sessions.attach(id, peer);
    },
  };
}

// /firehose streams from the server for WebSocketStream's backpressure; it is not simulated (the lab says so).
const notSimulated: SimEndpoint = {
  protocols: [],
  deflate: false,
  prepare: () => rejection(503, 'The simulated server does not offer this endpoint: it needs the real demo server'),
};

export function simEndpoints(room: SimChatRoom, sessions: SimSessions): Map<string, SimEndpoint> {
  return new Map<string, SimEndpoint>([
    ['/echo', echo(false)],
    ['/echo-deflate', echo(true)],
    ['/close', close],
    ['/misbehave', misbehave],
    ['/slow', slow],
    ['/ticker', ticker],
    ['/chat', chat(room)],
    ['/inspect', inspect(sessions)],
    ['/firehose', notSimulated],
  ]);
}
