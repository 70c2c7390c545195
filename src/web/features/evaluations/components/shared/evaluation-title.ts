import type { TFunction } from 'i18next';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { pickText } from '../../lib/rule-text';

/** "Nhận xét hằng năm 2026" or "Nhận xét khi cần: Bổ nhiệm, giới thiệu ứng cử". */
export function kindText(
  t: TFunction,
  e: { kind: 'yearly' | 'on_demand'; year: number; purpose: string | null },
  def: RuleSetDefinition | undefined,
  language: string | undefined,
): string {
  if (e.kind === 'yearly') return t('evaluations:kind.yearlyOf', { year: e.year });
  const purpose = def?.onDemandPurposes.find((p) => p.key === e.purpose);
  return t('evaluations:kind.onDemandFor', {
    purpose: purpose ? pickText(purpose.label, language) : (e.purpose ?? ''),
  });
}
