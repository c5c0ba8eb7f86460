/** A round upper bound for an axis (1, 2, 2.5 or 5 times a power of ten) and its ticks. */
export function niceScale(maximum: number, tickCount = 4): { max: number; ticks: number[] } {
  if (!(maximum > 0)) return { max: 1, ticks: [0, 1] };
  const rough = maximum / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const integerStep = Math.max(1, Math.round(step));
  const max = Math.ceil(maximum / integerStep) * integerStep;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += integerStep) ticks.push(tick);
  return { max, ticks };
}

/** Five shades for a map: the share of the largest value, in fifths (0 = nothing recorded). */
export function shadeOf(value: number, maximum: number): 0 | 1 | 2 | 3 | 4 | 5 {
  if (value <= 0 || maximum <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((value / maximum) * 5))) as 1 | 2 | 3 | 4 | 5;
}
