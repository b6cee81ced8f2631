// Site search over Pagefind's index, loaded only when the reader first uses the box.
type PagefindResult = { data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }> };
type Pagefind = {
  init?: () => Promise<void>;
  debouncedSearch: (query: string) => Promise<{ results: PagefindResult[] } | null>;
};

let pagefind: Promise<Pagefind | null> | null = null;

function loadPagefind(): Promise<Pagefind | null> {
  // The index exists only in a build (`npm run build`), not under `astro dev`.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(
    async (module: Pagefind) => {
      await module.init?.();
      return module;
    },
    () => null,
  );
  return pagefind;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

export function attachSearch(root: HTMLElement): void {
  const input = root.querySelector('input')!;
  const results = root.querySelector<HTMLElement>('.results')!;
  const text = root.dataset;

  const show = (...nodes: Node[]) => {
    results.replaceChildren(...nodes);
    results.hidden = nodes.length === 0;
  };

  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    if (query === '') return show();
    show(paragraph(text.loading ?? '…'));
    const engine = await loadPagefind();
    if (!engine) return show(paragraph(text.unavailable ?? ''));
    const found = await engine.debouncedSearch(query);
    if (found === null || input.value.trim() !== query) return; // a newer keystroke superseded this one
    if (found.results.length === 0) {
      return show(paragraph((text.noResults ?? '').replace('{query}', query)));
    }
    const items = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
    show(
      ...items.map((item) => {
        const link = document.createElement('a');
        link.href = item.url;
        const title = document.createElement('strong');
        title.textContent = item.meta.title ?? item.url;
        const excerpt = document.createElement('small');
        // Pagefind's excerpt is our own page text, escaped by Pagefind, with <mark> around the matches.
        excerpt.innerHTML = item.excerpt;
        link.append(title, excerpt);
        return link;
      }),
    );
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      show();
    } else if (event.key === 'ArrowDown') {
      results.querySelector('a')?.focus();
      event.preventDefault();
    }
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) setTimeout(() => show(), 150);
  });
}
