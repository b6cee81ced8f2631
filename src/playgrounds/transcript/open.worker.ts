// Parses a recording off the main thread: a HAR of tens of megabytes takes JSON.parse a while, and the page
// must stay responsive meanwhile.
import { openFile } from '../../lib/transcript/har.ts';

self.onmessage = async (event: MessageEvent<{ file?: File; text?: string }>) => {
  try {
    const { file, text } = event.data;
    const result = file ? openFile(await file.text(), file.size) : openFile(text ?? '', new TextEncoder().encode(text ?? '').length);
    self.postMessage(result);
  } catch (e) {
    self.postMessage({ error: 'worker', detail: e instanceof Error ? e.message : String(e) });
  }
};
