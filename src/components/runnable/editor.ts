// The editor a runnable example switches to when the reader presses Edit: a plain <textarea> (so typing,
// selection, undo, IME input and screen readers all behave natively) over a highlighted copy of its text.
import { highlight } from '../../lib/runnable/highlight.ts';

type Options = { label: string; onRun: () => void; onChange: (code: string) => void };

export function createEditor(codeBox: HTMLElement, code: string, options: Options) {
  const wrap = document.createElement('div');
  wrap.className = 'runnable-editor';
  const grid = document.createElement('div');
  grid.className = 'runnable-editor-grid';
  const shadow = document.createElement('pre');
  shadow.setAttribute('aria-hidden', 'true');
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', options.label);
  area.setAttribute('wrap', 'off');
  area.setAttribute('autocomplete', 'off');
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('autocorrect', 'off');
  area.spellcheck = false;
  area.value = code;

  // The trailing newline keeps the copy as tall as the textarea when the text ends in an empty line.
  const paint = () => (shadow.innerHTML = `${highlight(area.value)}\n`);
  area.addEventListener('input', () => {
    paint();
    options.onChange(area.value);
  });
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
    }
  });

  paint();
  grid.append(shadow, area);
  wrap.append(grid);
  codeBox.hidden = true;
  codeBox.after(wrap);

  return {
    get value() {
      return area.value;
    },
    setValue(next: string) {
      area.value = next;
      paint();
      options.onChange(next);
    },
    focus() {
      area.focus();
    },
  };
}
