// Adds a copy button to every highlighted code block; labels come from data attributes on <body>.
const labels = document.body.dataset;

for (const pre of document.querySelectorAll<HTMLPreElement>('pre.astro-code')) {
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.append(pre);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-code';
  button.textContent = labels.copy ?? 'Copy';
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(pre.innerText);
      button.textContent = labels.copied ?? 'Copied';
    } catch {
      button.textContent = labels.copyFailed ?? 'Copy failed';
    }
    setTimeout(() => (button.textContent = labels.copy ?? 'Copy'), 1600);
  });
  wrapper.append(button);
}
