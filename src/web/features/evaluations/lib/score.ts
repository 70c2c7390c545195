/**
 * A score typed into the review (Reg. 366: 0–100, one decimal), read from the text as typed: "87,5" and
 * "87.5" are the same; anything else is kept as typed and named (`common:validation.score.<problem>`).
 */
export type ScoreReading = { score: number } | { problem: 'notANumber' | 'range' } | null;

export function readScore(text: string): ScoreReading {
  const t = text.trim();
  if (!t) return null;
  if (!/^\d{1,3}([.,]\d)?$/.test(t)) return { problem: 'notANumber' };
  const score = Number(t.replace(',', '.'));
  return score > 100 ? { problem: 'range' } : { score };
}
