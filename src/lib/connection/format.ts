import { fill } from '../../i18n/format.ts';
import type { LogEntry, MessageData } from './model.ts';

type Strings = Record<string, string>;

const PREVIEW_BYTES = 32;


export function hexPreview(bytes: Uint8Array, max = PREVIEW_BYTES): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} …` : shown;
}

/** A message's data in words: quoted text, or type, size and the first bytes. */
export function describeData(data: MessageData, s: Strings): string {
  switch (data.type) {
    case 'text':
      return JSON.stringify(data.text);
    case 'arraybuffer':
      return `${data.view ?? 'ArrayBuffer'} (${fill(s['lab.field.binary'] ?? '{bytes} bytes', { bytes: data.bytes.length })}) ${hexPreview(data.bytes)}`;
    case 'blob':
      return `Blob (${fill(s['lab.field.binary'] ?? '{bytes} bytes', { bytes: data.size })})`;
  }
}

/** One log line as the labs print it (without the time, which views show in its own column). */
export function describeEntry(entry: LogEntry, s: Strings): string {
  switch (entry.kind) {
    case 'connect':
      return `${s['lab.event.connect']}(${JSON.stringify(entry.url)}${entry.protocols.length ? `, ${JSON.stringify(entry.protocols)}` : ''})`;
    case 'open': {
      const extra = [entry.protocol && `protocol ${JSON.stringify(entry.protocol)}`, entry.extensions && `extensions ${JSON.stringify(entry.extensions)}`]
        .filter(Boolean)
        .join(', ');
      return `${s['lab.event.open']}${extra ? ` (${extra})` : ''}`;
    }
    case 'message':
      return `${s['lab.event.message']}: ${describeData(entry.data, s)}`;
    case 'send':
      return `${s['lab.event.send']}: ${describeData(entry.data, s)} · bufferedAmount ${entry.bufferedAmount}`;
    case 'error':
      return s['lab.event.error'] ?? 'error';
    case 'close':
      return `${s['lab.event.close']}: ${s['lab.field.code']} ${entry.code}, ${s['lab.field.reason']} ${JSON.stringify(entry.reason)}, ${s['lab.field.wasClean']} ${entry.wasClean}`;
    case 'closeCall': {
      const args = [entry.code, entry.reason === undefined ? undefined : JSON.stringify(entry.reason)].filter((a) => a !== undefined);
      return `${s['lab.event.closeCall']}: close(${args.join(', ')})`;
    }
    case 'exception':
      return `${entry.call === 'constructor' ? 'new WebSocket()' : `${entry.call}()`} ⚠ ${entry.name}: ${entry.message}`;
  }
}

export function formatTime(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}
