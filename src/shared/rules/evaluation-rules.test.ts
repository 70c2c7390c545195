import { describe, expect, it } from 'vitest';
import reg213 from './rule-sets/reg-213-2020.json' with { type: 'json' };
import { canEvaluation, evaluationTransitions } from './evaluation';
import {
  classificationLevel,
  contradictsResidence,
  missingRatings,
  proposalOf,
  raisedFlags,
  ruleSetDefinitionSchema,
  unjustifiedFlags,
  type Evidence,
} from './evaluation-rules';

const def = ruleSetDefinitionSchema.parse(reg213);
const clean: Evidence = {
  meetingsHeld: 2,
  meetingsAttended: 2,
  attendanceRate: 100,
  unexcusedAbsences: 0,
  confirmedContributions: 1,
  contributionDays: 2,
  openWarnings: 0,
  warningsThisYear: 0,
  selfReported: 1,
};
const glowing = { example: 'good', civic: 'leading', attendance: 'full', contact: 'regular_active', campaigns: 'very_active', proposal: 'commend' };

describe('reg-213-2020 rule set', () => {
  it('has the six criteria of the full form and three of the exempt form, with three levels each', () => {
    expect(def.forms.full.criteria.map((c) => c.key)).toEqual(['example', 'civic', 'attendance', 'contact', 'campaigns', 'proposal']);
    expect(def.forms.exempt.criteria.map((c) => c.key)).toEqual(['example', 'civic', 'proposal']);
    for (const c of [...def.forms.full.criteria, ...def.forms.exempt.criteria]) expect(c.levels).toHaveLength(3);
    expect(def.duties).toHaveLength(7);
  });

  it('raises no flag when the record supports the ratings', () => {
    expect(raisedFlags(def, 'full', glowing, clean)).toEqual([]);
  });

  it('flags "attended fully" with an unexcused absence and "commend" with an open warning', () => {
    const flags = raisedFlags(def, 'full', glowing, { ...clean, unexcusedAbsences: 1, openWarnings: 1, warningsThisYear: 1, confirmedContributions: 0 });
    expect(flags.map((f) => f.code).sort()).toEqual(
      ['attendance_full_with_unexcused', 'campaigns_very_active_without_contribution', 'commend_with_open_warning', 'example_good_with_warning'].sort(),
    );
    // a justification of 10+ characters on the criterion answers its flag
    expect(unjustifiedFlags(flags, { attendance: 'Vắng vì đi công tác, có báo trước.' }).map((f) => f.criterion)).not.toContain('attendance');
    expect(unjustifiedFlags(flags, { attendance: 'ok' }).map((f) => f.criterion)).toContain('attendance');
  });

  it('only flags criteria the form has (the exempt form has no attendance criterion)', () => {
    expect(raisedFlags(def, 'exempt', { example: 'yes', civic: 'yes', proposal: 'none' }, { ...clean, unexcusedAbsences: 3 })).toEqual([]);
  });

  it('knows what is missing and what is proposed', () => {
    expect(missingRatings(def, 'full', { example: 'good', attendance: 'always' })).toEqual(['civic', 'attendance', 'contact', 'campaigns', 'proposal']);
    expect(proposalOf(def, 'full', glowing)).toBe('commend');
  });

  it('classification levels: excellent ≥ 90, good 70–<90, completed 50–<70, not completed < 50', () => {
    expect([95, 90, 89.99, 70, 69.5, 50, 49.99, 0].map((s) => classificationLevel(def, s)?.key)).toEqual([
      'excellent', 'excellent', 'good', 'good', 'completed', 'completed', 'not_completed', 'not_completed',
    ]);
    const negative = { ...glowing, contact: 'irregular' };
    expect(contradictsResidence(def, 92, 'full', negative)).toBe(true);
    expect(contradictsResidence(def, 60, 'full', negative)).toBe(false);
    expect(contradictsResidence(def, 92, 'full', glowing)).toBe(false);
  });

  it('a signed form changes only through the return and revise steps, which open a new version', () => {
    const editing = evaluationTransitions.filter((t) => t.from.includes('signed') || t.from.includes('delivered') || t.from.includes('released'));
    expect(editing.every((t) => t.action !== 'draft')).toBe(true);
    expect(canEvaluation('draft', 'signed')).toBe(false);
    expect(evaluationTransitions.filter((t) => t.newVersion).map((t) => t.action)).toEqual(['return', 'revise']);
  });
});
