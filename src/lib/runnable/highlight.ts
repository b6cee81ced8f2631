// A tiny JavaScript highlighter for the runnable examples' editor: enough to tell comments, strings,
// numbers, keywords and calls apart while typing. The static view uses Shiki at build time; this runs on
// every keystroke, so it is one regular expression and no parser.

export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'call';

const KEYWORDS = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'delete', 'do', 'else',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new',
  'null', 'of', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined',
  'var', 'void', 'while', 'yield',
];

// Alternatives in priority order; an unterminated string or comment runs to the end of its line (or text).
const TOKEN = new RegExp(
  [
    String.raw`(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))`,
    String.raw`('(?:\\.|[^'\\\n])*'?|"(?:\\.|[^"\\\n])*"?|` + '`' + String.raw`(?:\\[\s\S]|[^\\` + '`' + String.raw`])*` + '`?)',
    String.raw`\b(0[xX][\da-fA-F_]+n?|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?n?)\b`,
    String.raw`\b(${KEYWORDS.join('|')})\b`,
    String.raw`([A-Za-z_$][\w$]*)(?=\s*\()`,
  ].join('|'),
  'g',
);
const KINDS: TokenKind[] = ['comment', 'string', 'number', 'keyword', 'call'];

export type Token = { kind: TokenKind | null; text: string };

/** Splits source text into tokens; concatenating their text gives the input back exactly. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const start = match.index;
    if (match[0] === '') continue;
    if (start > last) tokens.push({ kind: null, text: source.slice(last, start) });
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    tokens.push({ kind: KINDS[group - 1] ?? null, text: match[0] });
    last = start + match[0].length;
  }
  if (last < source.length) tokens.push({ kind: null, text: source.slice(last) });
  return tokens;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => escapes[c]!);
}

/** HTML for the editor's overlay: escaped text with a `<span class="tk-KIND">` around each token. */
export function highlight(source: string): string {
  return tokenize(source)
    .map((t) => (t.kind ? `<span class="tk-${t.kind}">${escapeHtml(t.text)}</span>` : escapeHtml(t.text)))
    .join('');
}
