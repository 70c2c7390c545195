import { useTranslation } from 'react-i18next';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { useRuleSet, useRuleSets } from '../../api/get-rule-set';
import { kindText } from './evaluation-title';

/**
 * The rule set in force (the newest whose date has come): list rows do not carry their rule set, and its
 * words for the on-demand purposes are what a list needs.
 */
export function useCurrentRuleSet(): RuleSetDefinition | undefined {
  const list = useRuleSets();
  const today = new Date().toISOString().slice(0, 10);
  const code = list.data?.find((r) => r.effectiveFrom <= today)?.code ?? list.data?.[0]?.code;
  return useRuleSet(code).data;
}

/** "Nhận xét hằng năm 2026" / "Nhận xét khi cần: Bổ nhiệm…" for a list row. */
export function useKindLabel() {
  const { t, i18n } = useTranslation('evaluations');
  const def = useCurrentRuleSet();
  return (e: { kind: 'yearly' | 'on_demand'; year: number; purpose: string | null }) =>
    kindText(t, e, def, i18n.resolvedLanguage);
}
