// A part of a lab that is loaded the first time it is shown (a dynamic import), so a lab page's startup
// JavaScript stays small. Every caller shares one load; after a failure the next call tries again.
export function lazy<T>(load: () => Promise<{ default: T }>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().then(
      (module) => module.default,
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
}
