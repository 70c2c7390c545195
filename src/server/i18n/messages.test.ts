import { describe, expect, it } from 'vitest';
// building the app registers every module's messages
import '../app';
import { evaluationTransitions } from '../../shared/rules/evaluation';
import { PG_ERRORS } from '../http/error-handler';
import {
  assignedKeys,
  literalTypes,
  readSource,
  scanContracts,
  scanServer,
  sourceFiles,
  type FoundKey,
} from '../../../tests/fixtures/message-codes';
import { hasMessage, translate } from './messages';

/**
 * Every key the server can answer with has a real message in both languages. The keys are read from the
 * source, so a new code without its messages fails here. A key built at run time is listed below with the
 * place its values come from; a new one fails until it is listed.
 */
const DYNAMIC: Record<string, () => FoundKey[]> = {
  'src/server/modules/evaluations/workflow-step.ts `evaluation_side_${transition.side}`': () =>
    [...new Set(evaluationTransitions.map((t) => t.side))].map((side) => ({
      key: `evaluation_side_${side}`,
      where: 'evaluationTransitions',
    })),
  'src/server/modules/meetings/attendance.service.ts offlineScanProblem({ scannedAt: at, codeSlot: code.slot, now, window: checkInWindowOf(m.startsAt, m.endsAt, rules) })':
    () => literalTypes('src/shared/rules/check-in-code.ts', 'OfflineScanProblem'),
  'src/server/modules/meetings/meetings.service.ts problem.key': () =>
    literalTypes('src/shared/rules/meeting-schedule.ts', 'MeetingTimeProblem', 'key'),
  'src/server/modules/meetings/meetings.service.ts past.key': () =>
    literalTypes('src/shared/rules/meeting-schedule.ts', 'MeetingTimeProblem', 'key'),
  'src/server/modules/members/members.service.ts checkMemberRules(input, today)': () =>
    assignedKeys('src/server/modules/members/member-rules.ts', 'errors'),
  'src/server/modules/members/members.service.ts checkMemberRules(merged, today)': () =>
    assignedKeys('src/server/modules/members/member-rules.ts', 'errors'),
};

/** Same words in both languages where that is right (none yet: add a key here with the reason). */
const SAME_IN_BOTH = new Set<string>();

const scan = scanServer();
const dynamicKeys = [...new Set(scan.dynamic.map((d) => d.replace(/:\d+ /, ' ')))];
const found: FoundKey[] = [
  ...scan.keys,
  ...scanContracts(),
  ...dynamicKeys.flatMap((d) => DYNAMIC[d]?.() ?? []),
  ...Object.values(PG_ERRORS).map(([, code]) => ({ key: code, where: 'error-handler.ts PG_ERRORS' })),
];
const keys = [...new Map(found.map((k) => [k.key, k])).values()];

describe('every message key the server answers with', () => {
  it('finds the codes in the source (the scan itself works)', () => {
    const names = keys.map((k) => k.key);
    for (const k of [
      'unit_not_found',
      'evaluation_not_found',
      'not_found',
      'field.required',
      'member.birthInFuture',
      'meetings.endBeforeStart',
      'evaluation_side_member',
      'import.formulaNotAllowed',
      'cardNumber.format',
      'duplicate',
    ])
      expect(names).toContain(k);
    expect(keys.length).toBeGreaterThan(200);
  });

  it('knows where every code built at run time comes from', () => {
    expect(dynamicKeys.filter((d) => !DYNAMIC[d])).toEqual([]);
    for (const d of dynamicKeys) expect(DYNAMIC[d]!().length, d).toBeGreaterThan(0);
  });

  it('has a Vietnamese and an English message for each, not the key and not empty', () => {
    const problems: string[] = [];
    for (const { key, where } of keys) {
      if (!hasMessage(key)) {
        problems.push(`${key} (${where}): no message`);
        continue;
      }
      const vi = translate('vi', key);
      const en = translate('en', key);
      if (!vi.trim() || !en.trim()) problems.push(`${key} (${where}): empty`);
      if (vi === key || en === key) problems.push(`${key} (${where}): the key itself`);
      if (vi === en && !SAME_IN_BOTH.has(key)) problems.push(`${key} (${where}): Vietnamese is the English`);
    }
    expect(problems).toEqual([]);
  });

  it('the web prints the server message, never the bare code', () => {
    const printsCode = /\{[\w.?]*error\??\.code\}|t\([\w.?]*error\??\.code\b/;
    expect(
      sourceFiles('src/web', ['.ts', '.tsx']).filter((file) => printsCode.test(readSource(file))),
    ).toEqual([]);
  });
});
