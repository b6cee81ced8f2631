// The Run island for every <Runnable> on the page: runs the example in a sandboxed iframe (its own document,
// /run-sandbox.html) and shows what it logs. Kept tiny on purpose, since every lesson page loads it; the editor
// is imported on Edit.
import { translator, type UiStrings } from '../../i18n/format.ts';
import { configMessage, isSandboxMessage, SANDBOX_PATH, SIMULATED_SANDBOX_PATH, type SandboxMessage } from '../../lib/runnable/sandbox.ts';
import { isSimulatedUrl } from '../../lib/server/choice.ts';
import { serverSetting } from '../../playgrounds/shared/server.ts';

/** The chosen demo server's base, or the default while the reader's field holds no server. */
const serverBase = (): string => serverSetting().snapshot.base ?? serverSetting().defaultBase;

type Editor = { readonly value: string; setValue(code: string): void; focus(): void };

const MAX_LINES = 500;
const runs = new Map<Window, (message: SandboxMessage) => void>();

// One listener for all examples: a message counts only if it comes from the frame a run created.
addEventListener('message', (event) => {
  const deliver = event.source && runs.get(event.source as Window);
  if (deliver && event.origin === 'null') deliver(event.data);
});

function setup(figure: HTMLElement): void {
  const s: UiStrings = JSON.parse(figure.dataset.strings ?? '{}');
  const fill = translator(s);
  const original = figure.dataset.code ?? '';
  const file = `${figure.dataset.example}.js`;
  const $ = <T extends HTMLElement>(selector: string) => figure.querySelector<T>(selector)!;
  const [runButton, stopButton, editButton, resetButton] = ['run', 'stop', 'edit', 'reset'].map((a) =>
    $<HTMLButtonElement>(`[data-act="${a}"]`),
  );
  const output = $<HTMLOListElement>('.runnable-console');
  const status = $<HTMLElement>('.runnable-status');
  const serverLabel = $<HTMLElement>('.runnable-server-value');
  const simulatedNote = $<HTMLElement>('.runnable-sim');
  /** Shows the server a run uses, and whether it is the simulated one (which runs inside the sandbox). */
  const showServer = (server: string) => {
    serverLabel.textContent = server;
    simulatedNote.hidden = !isSimulatedUrl(server);
  };
  let frame: HTMLIFrameElement | null = null;
  let editor: Editor | null = null;
  let lines = 0;

  const print = (level: string, text: string) => {
    if (lines === MAX_LINES) text = fill('run.truncated', { n: MAX_LINES });
    if (lines++ > MAX_LINES) return;
    const li = document.createElement('li');
    li.className = level;
    li.textContent = text;
    output.append(li);
    output.scrollTop = output.scrollHeight;
  };

  const stop = (announce: boolean) => {
    if (!frame) return;
    if (frame.contentWindow) runs.delete(frame.contentWindow);
    frame.remove(); // the frame's document goes away, and with it its sockets
    frame = null;
    stopButton.disabled = true;
    status.textContent = announce ? s['run.stopped']! : '';
  };

  const run = () => {
    stop(false);
    output.replaceChildren();
    lines = 0;
    const server = serverBase();
    showServer(server);
    const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const code = editor ? editor.value : original;
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.className = 'runnable-frame';
    iframe.title = s['run.frame']!;
    iframe.tabIndex = -1;
    iframe.setAttribute('aria-hidden', 'true');
    iframe.src = isSimulatedUrl(server) ? SIMULATED_SANDBOX_PATH : SANDBOX_PATH;
    // The frame's origin is opaque, so '*' is the only target that reaches it; it accepts only its parent.
    iframe.addEventListener(
      'load',
      () => iframe.contentWindow?.postMessage(configMessage({ code, server, token, parentOrigin: location.origin === 'null' ? '*' : location.origin, file }), '*'),
      { once: true },
    );
    figure.append(iframe);
    frame = iframe;
    runs.set(iframe.contentWindow!, (data) => {
      if (!isSandboxMessage(data, token)) return;
      const where = data.line ? ` ${fill('run.line', { line: data.line })}` : '';
      if (data.level === 'uncaught') print('uncaught', fill('run.uncaught', { error: data.text }) + where);
      else if (data.level === 'rejection') print('uncaught', fill('run.rejection', { error: data.text }));
      else print(data.level, data.text);
    });
    stopButton.disabled = false;
    status.textContent = s['run.running']!;
  };

  runButton.addEventListener('click', run);
  stopButton.addEventListener('click', () => stop(true));
  resetButton.addEventListener('click', () => {
    editor?.setValue(original);
    resetButton.disabled = true;
    editor?.focus();
  });
  editButton.addEventListener('click', async () => {
    editButton.disabled = true;
    try {
      const { createEditor } = await import('./editor.ts');
      editor = createEditor($('.runnable-code'), original, {
        label: fill('run.editorLabel', { file }),
        onRun: run,
        onChange: (code) => (resetButton.disabled = code === original),
      });
      editButton.hidden = true;
      resetButton.hidden = false;
      editor.focus();
    } catch {
      editButton.disabled = false;
      status.textContent = s['run.editorFailed']!;
    }
  });

  showServer(serverBase());
  runButton.disabled = editButton.disabled = false;
}

for (const figure of document.querySelectorAll<HTMLElement>('figure.runnable')) setup(figure);
