// Geometry for the hand-written SVG charts (a few dozen lines beat a chart library's tens of kilobytes here).

/**
 * An SVG path through `values`, left to right across `width`, scaled to fill `height` minus `pad`; and the y
 * of `reference` (e.g. the opening price) on the same scale, which is included in the range so it is visible.
 */
export function sparkline(
  values: readonly number[],
  width: number,
  height: number,
  pad = 2,
  reference?: number,
): { d: string; reference: number | null } {
  if (values.length === 0) return { d: '', reference: null };
  let min = reference ?? Infinity;
  let max = reference ?? -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => round(span === 0 ? height / 2 : pad + (1 - (v - min) / span) * (height - 2 * pad));
  let d = '';
  for (let i = 0; i < values.length; i++) d += `${i === 0 ? 'M' : 'L'}${round(i * step)} ${y(values[i]!)}`;
  return { d, reference: reference === undefined ? null : y(reference) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

/** The share (0–1) of `max` that `value` takes, for a bar's width. */
export function barFraction(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(1, value / max);
}
