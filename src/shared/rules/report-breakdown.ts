import type { LocalText, RuleSetDefinition, Tone } from './evaluation-rules';
import { breakdownKind } from './report-figures';

/**
 * What a breakdown key stands for, in the rule set's own words (criteria, levels and classification
 * levels are data): `r:attendance:full` → the criterion "Dự sinh hoạt" at level "Đầy đủ".
 */
export type BreakdownItem =
  | {
      kind: 'r';
      criterion: string;
      criterionLabel: LocalText | null;
      level: string;
      levelLabel: LocalText | null;
      tone: Tone | null;
    }
  | { kind: 'o'; tone: Tone }
  | { kind: 'c'; level: string; levelLabel: LocalText | null }
  | { kind: 'x'; level: string; levelLabel: LocalText | null; tone: Tone };

export function describeBreakdownKey(def: RuleSetDefinition | null, key: string): BreakdownItem | null {
  const kind = breakdownKind(key);
  if (!kind) return null;
  const parts = key.split(':');
  const criteria = def ? [...def.forms.full.criteria, ...def.forms.exempt.criteria] : [];
  const classLabel = (level: string) =>
    def?.classification.levels.find((l) => l.key === level)?.label ?? null;
  switch (kind) {
    case 'r': {
      const c = criteria.find((x) => x.key === parts[1]);
      const l = c?.levels.find((x) => x.key === parts[2]);
      return {
        kind,
        criterion: parts[1]!,
        criterionLabel: c?.label ?? null,
        level: parts[2]!,
        levelLabel: l?.label ?? null,
        tone: l?.tone ?? null,
      };
    }
    case 'o':
      return { kind, tone: parts[1] as Tone };
    case 'c':
      return { kind, level: parts[1]!, levelLabel: classLabel(parts[1]!) };
    case 'x':
      return { kind, level: parts[1]!, levelLabel: classLabel(parts[1]!), tone: parts[2] as Tone };
  }
}

/** The criteria of the full form in order, each with its levels: the rows and columns of a ratings table. */
export function ratingGrid(def: RuleSetDefinition) {
  return def.forms.full.criteria.map((c) => ({
    key: c.key,
    label: c.label,
    levels: c.levels.map((l) => ({
      key: l.key,
      label: l.label,
      tone: l.tone,
      breakdownKey: `r:${c.key}:${l.key}`,
    })),
  }));
}

export const tones: readonly Tone[] = ['positive', 'neutral', 'negative'];
