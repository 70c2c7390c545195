import { useTranslation } from 'react-i18next';
import type {
  Criterion,
  FormKind,
  LocalText,
  RuleSetDefinition,
} from '../../../../shared/rules/evaluation-rules';

/** Rule-set text is data with a Vietnamese and an English side: show the reader's. */
export function pickText(text: LocalText, language: string | undefined): string {
  return language?.toLowerCase().startsWith('en') ? text.en : text.vi;
}

/** `lt(text)` in the current language. */
export function useLocalText() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (text: LocalText) => pickText(text, language);
}

export function criteriaOf(def: RuleSetDefinition, formKind: FormKind): Criterion[] {
  return def.forms[formKind].criteria;
}

/** The label of a level of a criterion, or the raw key when the rule set does not know it. */
export function levelOf(
  def: RuleSetDefinition,
  formKind: FormKind,
  criterion: string,
  level: string | undefined,
) {
  return criteriaOf(def, formKind)
    .find((c) => c.key === criterion)
    ?.levels.find((l) => l.key === level);
}

/** The label of a proposal level (commend / none / consider discipline) from any form of the rule set. */
export function proposalLevel(def: RuleSetDefinition, level: string | null | undefined) {
  if (!level) return undefined;
  for (const form of ['full', 'exempt'] as const) {
    const found = def.forms[form].criteria.find((c) => c.proposal)?.levels.find((l) => l.key === level);
    if (found) return found;
  }
  return undefined;
}

export const toneColor = { positive: 'teal', neutral: 'blue', negative: 'red' } as const;
