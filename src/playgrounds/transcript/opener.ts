// Opens a recording (a File or pasted text) in a worker; one worker per open, so a huge file can be abandoned.
import type { OpenedFile } from '../../lib/transcript/har.ts';
import { MAX_HAR_BYTES } from '../../lib/har/parse.ts';

export type OpenResult = OpenedFile | { error: 'worker'; detail: string };

export function openRecording(input: { file: File } | { text: string }): Promise<OpenResult> {
  // Refused before reading, so a 100 MB file costs nothing.
  if ('file' in input && input.file.size > MAX_HAR_BYTES) return Promise.resolve({ error: 'tooLarge', detail: String(input.file.size) });
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' });
    const done = (result: OpenResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<OpenResult>) => done(event.data);
    worker.onerror = (event) => done({ error: 'worker', detail: event.message || 'the reader stopped' });
    worker.postMessage(input);
  });
}

/** Saves text as a file through a temporary link (nothing is uploaded). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
