// Transcripts to and from HAR, and the one entry point for a file the reader opens: ours or a HAR.
// A HAR keeps messages, not frames, and no masking keys: the page says so where it matters.

import type { HandshakeRecord, HeaderLine } from '../inspect/records.ts';
import { parseJsonFile, readHar, type HarConnection, type HarErrorCode } from '../har/parse.ts';
import { findSecrets, redactHeaders, redactPath, redactUrl, type Secret } from '../har/secrets.ts';
import { toBase64 } from '../protocol/base64.ts';
import { messagePayload, readTranscript, TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type Transcript, type TranscriptItem } from './transcript.ts';

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function handshakeOf(conn: HarConnection): HandshakeRecord | null {
  if (conn.request.headers.length === 0 && !conn.response) return null;
  return {
    kind: 'handshake',
    request: { method: conn.request.method, path: pathOf(conn.url), headers: conn.request.headers },
    response: conn.response
      ? { status: conn.response.status, statusText: conn.response.statusText, headers: conn.response.headers }
      : { status: 0, headers: [] },
  };
}

/** One HAR connection as a transcript; the page's events are inferred from the response and the messages. */
export function fromHar(conn: HarConnection): Transcript {
  const t0 = conn.startedAt;
  const at = (ms: number) => Math.round(Math.max(0, ms - t0) * 10) / 10;
  const items: TranscriptItem[] = [{ kind: 'event', t: 0, type: 'connect' }];
  const accepted = conn.response?.status === 101;
  if (accepted) items.push({ kind: 'event', t: at(conn.messages[0]?.at ?? t0), type: 'open' });
  for (const m of conn.messages) {
    const item: TranscriptItem = { kind: 'message', t: at(m.at), dir: m.dir, opcode: m.opcode, size: m.bytes.length };
    if (m.text !== null) item.text = m.text;
    else item.base64 = toBase64(m.bytes);
    items.push(item);
  }
  if (!accepted && conn.response) {
    items.push({ kind: 'event', t: 0, type: 'error' }, { kind: 'event', t: 0, type: 'close', code: 1006, reason: '', wasClean: false });
  }
  const handshake = handshakeOf(conn);
  return {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    source: 'har',
    url: conn.url,
    startedAt: new Date(t0).toISOString(),
    handshake: handshake && handshake.response.status > 0 ? handshake : null,
    items,
    redacted: false,
  };
}

export function secretsOf(transcript: Transcript): Secret[] {
  return findSecrets(transcript.url, transcript.handshake?.request.headers ?? [], transcript.handshake?.response.headers ?? []);
}

/** The same transcript with every secret header and query value replaced (what exports and links carry by default). */
export function redact(transcript: Transcript): Transcript {
  const out: Transcript = { ...transcript, url: redactUrl(transcript.url), redacted: true };
  if (transcript.handshake) {
    const h = transcript.handshake;
    out.handshake = {
      ...h,
      request: { ...h.request, path: redactPath(h.request.path), headers: redactHeaders(h.request.headers) },
      response: { ...h.response, headers: redactHeaders(h.response.headers) },
    };
  }
  return out;
}

const harHeaders = (lines: readonly HeaderLine[]) => lines.map(([name, value]) => ({ name, value }));

/** HAR 1.2 with Chromium's `_webSocketMessages` (time in seconds, as DevTools writes it), one entry per transcript. */
export function toHar(transcripts: readonly Transcript[]): object {
  const entries = transcripts.map((tr) => {
    const start = Date.parse(tr.startedAt);
    const h = tr.handshake;
    const messages = tr.items.flatMap((item) => {
      if (item.kind !== 'message') return [];
      const payload = messagePayload(item);
      const data = item.text ?? (payload ? toBase64(payload) : '');
      return [{ type: item.dir === 'client' ? 'send' : 'receive', time: (start + item.t) / 1000, opcode: item.opcode, data }];
    });
    const last = tr.items.at(-1)?.t ?? 0;
    return {
      startedDateTime: tr.startedAt,
      time: last,
      _resourceType: 'websocket',
      request: {
        method: h?.request.method ?? 'GET',
        url: tr.url,
        httpVersion: 'HTTP/1.1',
        headers: harHeaders(h?.request.headers ?? []),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: h?.response.status ?? 0,
        statusText: h?.response.statusText ?? '',
        httpVersion: 'HTTP/1.1',
        headers: harHeaders(h?.response.headers ?? []),
        cookies: [],
        content: { size: 0, mimeType: 'x-unknown' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
      _webSocketMessages: messages,
    };
  });
  return { log: { version: '1.2', creator: { name: 'WebSocket School', version: '1' }, pages: [], entries } };
}

export type OpenedFile =
  | { transcripts: Transcript[]; skipped: number; firstSkipReason: string | null }
  | { error: HarErrorCode | 'badTranscript'; detail: string };

/** Whatever the reader opened: our transcript (one, or a list) or a HAR. Call it off the main thread for big files. */
export function openFile(text: string, size = text.length): OpenedFile {
  const parsed = parseJsonFile(text, size);
  if ('error' in parsed) return parsed;
  const json = parsed.json;
  const list = Array.isArray(json) ? json : [json];
  if (list.length > 0 && list.every((j) => typeof j === 'object' && j !== null && (j as { format?: unknown }).format === TRANSCRIPT_FORMAT)) {
    const transcripts: Transcript[] = [];
    for (const j of list) {
      const read = readTranscript(j);
      if ('error' in read) return { error: 'badTranscript', detail: read.error };
      transcripts.push(read.transcript);
    }
    return { transcripts, skipped: 0, firstSkipReason: null };
  }
  const har = readHar(json);
  if ('error' in har) return har;
  return {
    transcripts: har.connections.map(fromHar),
    skipped: har.connections.reduce((n, c) => n + c.skipped, 0),
    firstSkipReason: har.connections.find((c) => c.firstSkipReason)?.firstSkipReason ?? null,
  };
}

/** A one-line label for a list of connections. */
export function describe(transcript: Transcript): { url: string; messages: number; bytes: number; started: string } {
  let messages = 0;
  let bytes = 0;
  for (const item of transcript.items) {
    if (item.kind === 'message') {
      messages++;
      bytes += item.size;
    }
  }
  return { url: transcript.url, messages, bytes, started: transcript.startedAt };
}
