/**
 * Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, about
 * `count` of them. `integer` keeps steps whole (a count of findings has no half).
 */
export function niceTicks(max: number, count: number, integer = false): { ticks: number[]; top: number; step: number } {
  const span = max > 0 ? max : 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  if (integer) step = Math.max(1, Math.round(step));
  const top = Math.ceil(span / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, top, step };
}
