import { sql } from 'drizzle-orm';
import {
  evaluationTransition,
  requestedStatus,
  type EvaluationAction,
  type EvaluationStatus,
} from '../../../shared/rules/evaluation';
import { shiftDay, vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { Executor } from '../client';
import { newCycle, newEvaluations, newSelfReports, type EvaluationInput } from '../factories/evaluations';
import { isValue, oneOf } from '../sql-values';
import { demoForm, formArea, formColumns, rows, type FormCandidate } from './demo-forms';
import { activeMemberStatus } from './seed-statuses';
// The printed codes are HMACs of the verification module: the seed signs through it, it cannot build them.
import { signForms } from '../../modules/verification/verification.service';

const SIGNED = {
  example: 'yes',
  civic: 'yes',
  attendance: 'partial',
  contact: 'regular',
  campaigns: 'active',
  proposal: 'none',
};
const GOOD = { ...SIGNED, example: 'good', civic: 'leading' };
// the forms the commune confirmed, some of them since released to the member: signed for /verify
const CONFIRMED = [evaluationTransition('confirm').to, evaluationTransition('release').to];
/** The status a form reaches by `action`. */
const reached = (action: EvaluationAction): EvaluationStatus => evaluationTransition(action).to;
const DAY = 86_400_000;

interface Candidate extends FormCandidate {
  bucket: number;
  good: boolean;
}

/**
 * The year's evaluation cycle for the demo, so the residence side has forms at every stage: every workplace
 * committee except the power company (left unopened: the demo's workplace officer opens it, and the browser
 * test walks that) has asked for its working members' comments; deterministic per card number, some are
 * still requested, some self-reported, drafted, signed, confirmed (delivered) or released.
 */
export async function seedDemoEvaluations(tx: Executor, now: Date, documentSecret?: string): Promise<void> {
  // the year and the due date on Vietnam's calendar, as every date rule counts them
  const year = vnYear(now);
  const dueDate = shiftDay(vnDay(now), 30);
  const openedAt = new Date(now.getTime() - 10 * DAY);
  const committees = await rows<{ id: string }>(
    tx,
    sql`select u.id from org_units u where u.type = 'workplace_committee' and u.code <> 'NA-PCNA'`,
  );
  for (const c of committees) await newCycle(tx, { workplaceUnitId: c.id, year, dueDate, openedAt });
  const committee = sql`(select a.id from org_units a where a.path @> c.path and a.type = 'workplace_committee' order by a.depth desc limit 1)`;
  // 0–2 requested, 3 self-reported, 4 drafted, 5 signed, 6–7 delivered, 8–9 released; only members placed in a cell
  const candidates = await rows<Candidate>(
    tx,
    sql`select ${formColumns},
      abs(hashtext(m.card_number || 'ev')) % 10 as bucket, abs(hashtext(m.card_number)) % 3 = 0 as good
    from members m join org_units c on c.id = m.cell_id
    join evaluation_cycles cy on cy.workplace_unit_id = ${committee} and cy.year = ${year}
    ${formArea}
    where ${isValue(sql`m.status`, activeMemberStatus)} and m.category = 'active' and m.residence_cell_id is not null and c.type = 'workplace_cell'`,
  );
  const forms = candidates.map((c) => formOf(c, { year, dueDate, openedAt, now }));
  await newEvaluations(tx, forms);
  // members of buckets 3+ wrote their self-report
  const submittedAt = new Date(openedAt.getTime() + 3 * DAY);
  await newSelfReports(
    tx,
    candidates
      .filter((c) => Number(c.bucket) >= 3)
      .map((c) => ({
        memberId: c.member_id,
        year,
        duties: {
          '3': 'Dự các buổi sinh hoạt chi bộ khu dân cư trong năm.',
          '6': 'Tham gia vệ sinh môi trường, đóng góp quỹ khuyến học của khối.',
        },
        submittedAt,
        updatedAt: submittedAt,
      })),
  );
  if (documentSecret)
    await signForms(tx, documentSecret, sql`e.year = ${year} and ${oneOf(sql`e.status`, CONFIRMED)}`);
}

function formOf(
  c: Candidate,
  o: { year: number; dueDate: string; openedAt: Date; now: Date },
): EvaluationInput {
  const k = Number(c.bucket);
  const ago = (days: number) => new Date(o.now.getTime() - days * DAY);
  const status =
    k <= 3
      ? requestedStatus
      : k === 4
        ? reached('draft')
        : k === 5
          ? reached('sign')
          : k <= 7
            ? reached('confirm')
            : reached('release');
  const draftedAt = k >= 4 ? ago(5) : null;
  const signedAt = k >= 5 ? ago(4) : null;
  const confirmedAt = k >= 6 ? ago(2) : null;
  const written = status !== requestedStatus;
  return demoForm(c, {
    year: o.year,
    dueDate: o.dueDate,
    status,
    ratings: !written ? {} : c.good ? GOOD : SIGNED,
    proposal: k >= 5 ? 'none' : null,
    written,
    times: {
      requested: o.openedAt,
      drafted: draftedAt,
      signed: signedAt,
      confirmed: confirmedAt,
      released: k >= 8 ? ago(1) : null,
      updated: o.now,
    },
  });
}
