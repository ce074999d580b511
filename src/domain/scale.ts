/**
 * Scales (เกณฑ์การให้คะแนน): the levels an indicator's targets stand for and the score at each.
 * e-SAR uses three levels scored 50/75/100 (ขั้นต้น มาตรฐาน ขั้นสูง); the classic คำรับรอง and KRS use five, scored 1–5.
 */
export interface ScaleLevel {
  readonly name: string;
  readonly nameEn: string;
  readonly score: number;
}

export interface Scale {
  /** `three-level`, `five-level` or `custom`. */
  readonly id: string;
  readonly levels: readonly ScaleLevel[];
  /** Defaults of the policies that depend on the scale. */
  readonly defaults: { readonly floor: number; readonly notReported: number; readonly decimals: number };
}

export const THREE_LEVEL: Scale = {
  id: 'three-level',
  levels: [
    { name: 'ขั้นต้น', nameEn: 'Basic', score: 50 },
    { name: 'มาตรฐาน', nameEn: 'Standard', score: 75 },
    { name: 'ขั้นสูง', nameEn: 'Advanced', score: 100 },
  ],
  // e-SAR shows no score for a result below ขั้นต้น or not reported, and counts it as 0.
  defaults: { floor: 0, notReported: 0, decimals: 2 },
};

export const FIVE_LEVEL: Scale = {
  id: 'five-level',
  levels: [1, 2, 3, 4, 5].map((n) => ({ name: `ระดับ ${n}`, nameEn: `Level ${n}`, score: n })),
  // KRS gives 1.00000 to an indicator that does not reach level 1 or is not reported.
  defaults: { floor: 1, notReported: 1, decimals: 4 },
};

export function customScale(levels: readonly ScaleLevel[]): Scale {
  const lowest = levels[0]?.score ?? 0;
  const floor = Math.min(0, lowest);
  return { id: 'custom', levels, defaults: { floor, notReported: floor, decimals: 2 } };
}

export function scaleScores(scale: Scale): number[] {
  return scale.levels.map((l) => l.score);
}

/** The lowest and highest score an indicator can get under a scale and a floor. */
export function scoreRange(scale: Scale, floor: number): { min: number; max: number } {
  const scores = scaleScores(scale);
  return { min: Math.min(floor, ...scores), max: Math.max(...scores) };
}
