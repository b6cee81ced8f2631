// The Shiki themes for every code block (Markdown fences and <Code />). The "-default" GitHub themes are the
// ones whose token colours all reach 4.5:1 on their background (github-light's orange and github-dark's
// comments do not).
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
