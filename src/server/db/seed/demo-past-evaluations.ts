import { sql } from 'drizzle-orm';
import {
  closedDisputeStatus,
  evaluationTransition,
  type DisputeOutcome,
} from '../../../shared/rules/evaluation';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Executor } from '../client';
import { newClassifications, newCycle, newDisputes, newEvaluations } from '../factories/evaluations';
import { isValue } from '../sql-values';
import { demoForm, formArea, formColumns, rows, type FormCandidate } from './demo-forms';
import { activeMemberStatus } from './seed-statuses';

const RATING_SETS: Record<string, string>[] = [
  {
    example: 'good',
    civic: 'leading',
    attendance: 'full',
    contact: 'regular_active',
    campaigns: 'very_active',
    proposal: 'none',
  },
  {
    example: 'yes',
    civic: 'yes',
    attendance: 'partial',
    contact: 'regular',
    campaigns: 'active',
    proposal: 'none',
  },
  {
    example: 'good',
    civic: 'yes',
    attendance: 'full',
    contact: 'regular',
    campaigns: 'active',
    proposal: 'commend',
  },
  {
    example: 'yes',
    civic: 'yes',
    attendance: 'none',
    contact: 'irregular',
    campaigns: 'not_active',
    proposal: 'none',
  },
];
const DAY = 86_400_000;

interface Candidate extends FormCandidate {
  pick: number;
  score: number;
}

/** The workplace's own score (Reg. 366): mostly good, some excellent, a few only completed. */
const levelOf = (score: number) =>
  score >= 90 ? 'excellent' : score >= 70 ? 'good' : score >= 50 ? 'completed' : 'not_completed';

/**
 * A past year's comments: requested, written, confirmed and released, the workplaces' classification, and a
 * few disputes the dialogue upheld. SQL picks the members by hashes; the records are built by the factories.
 */
export async function seedPastEvaluations(tx: Executor, year: number): Promise<void> {
  const openedAt = new Date(`${year}-11-01T02:00:00Z`);
  const at = (days: number) => new Date(openedAt.getTime() + days * DAY);
  const committees = await rows<{ id: string }>(
    tx,
    sql`select u.id from org_units u where u.type = 'workplace_committee'`,
  );
  for (const c of committees)
    await newCycle(tx, { workplaceUnitId: c.id, year, dueDate: `${year}-12-10`, openedAt });
  const committee = sql`(select a.id from org_units a where a.path @> c.path and a.type = 'workplace_committee' order by a.depth desc limit 1)`;
  // one member in twelve got no comment that year (the backlog the seeds complain of)
  const candidates = await rows<Candidate>(
    tx,
    sql`select ${formColumns},
      abs(hashtext(m.card_number || ${String(year)})) % 4 as pick, 62 + abs(hashtext(m.id::text || ${String(year)})) % 36 as score
    from members m join org_units c on c.id = m.cell_id and c.type = 'workplace_cell'
    join evaluation_cycles cy on cy.workplace_unit_id = ${committee} and cy.year = ${year}
    ${formArea}
    where ${isValue(sql`m.status`, activeMemberStatus)} and m.category = 'active' and m.residence_cell_id is not null
      and abs(hashtext(m.card_number || 'past' || ${String(year)})) % 12 <> 0`,
  );
  const releasedAt = at(40);
  await newEvaluations(
    tx,
    candidates.map((c) => {
      const ratings = RATING_SETS[Number(c.pick)]!;
      return demoForm(c, {
        year,
        dueDate: `${year}-12-10`,
        status: evaluationTransition('release').to,
        ratings,
        proposal: ratings.proposal!,
        written: true,
        times: {
          requested: openedAt,
          drafted: at(10),
          signed: at(14),
          confirmed: at(20),
          released: releasedAt,
          updated: releasedAt,
        },
      });
    }),
  );
  await newClassifications(
    tx,
    candidates.map((c) => ({
      memberId: c.member_id,
      year,
      score: Number(c.score),
      level: levelOf(Number(c.score)),
      updatedAt: releasedAt,
    })),
  );
  // a few members disputed the comment (a third of those rated absent, drawn by the form's id)
  const disputed = await rows<{ id: string }>(
    tx,
    sql`select e.id from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
      where e.year = ${year} and v.ratings ->> 'attendance' = 'none' and abs(hashtext(e.id::text)) % 3 = 0`,
  );
  const closedAt = new Date(releasedAt.getTime() + 10 * DAY);
  await newDisputes(
    tx,
    disputed.map((e) => ({
      evaluationId: e.id,
      version: 1,
      reason: 'Nhận xét chưa phản ánh đúng việc tham gia của tôi ở khu dân cư.',
      openedAt: new Date(releasedAt.getTime() + 3 * DAY),
      status: closedDisputeStatus,
      dialogueOn: vnDay(closedAt),
      dialogueParticipants: 'Đại diện đảng ủy nơi công tác, chi ủy chi bộ nơi cư trú',
      dialogueNotes: 'Hai bên thống nhất giữ nguyên nhận xét.',
      outcome: 'upheld' satisfies DisputeOutcome,
      closedAt,
    })),
  );
}
