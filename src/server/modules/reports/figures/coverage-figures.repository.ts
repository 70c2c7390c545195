import { sql, type SQL } from 'drizzle-orm';
import { deliveredStatuses } from '../../../../shared/rules/evaluation';
import {
  stageByLetterStatus,
  type IntroductionStage,
  type LetterStatus,
} from '../../../../shared/rules/introduction-letter';
import type { FigureKey } from '../../../../shared/rules/report-figures';
import { livesAwaySql } from '../../../db/member-sql';
import { isValue, oneOf } from '../../../db/sql-values';
import { vnYearOf } from '../../../db/vietnam-calendar-sql';
import { areaCell, residenceAnchor, residenceTouches, type FigureSource } from './figure-source.repository';

/**
 * Introductions and coverage on both sides (Art. 3.1, 4.1, 4.2). A working member is an active member whose
 * party cell is a workplace cell; on the residence side they count where they live even before the commune
 * places them (the cell of their residential area), so a commune sees who lives in each cell's area.
 */

/** Aliases: m (members), wc (their party cell), l (their current letter), rcm (commune of residence). */
export const WORKING_MEMBERS = sql`members m
  join org_units wc on wc.id = m.cell_id and wc.type = 'workplace_cell'
  left join introduction_letters l on l.id = m.current_letter_id
  left join org_units rcm on rcm.id = m.residence_commune_id
  where ${isValue(sql`m.status`, 'active')}`;

const memberSides = {
  workplace: { anchor: sql`m.cell_id`, touches: (units: SQL) => sql`m.cell_id = any(${units})` },
  residence: { anchor: residenceAnchor('m'), touches: (units: SQL) => residenceTouches('m', units) },
};

function lettersAt(stage: IntroductionStage): LetterStatus[] {
  return (Object.entries(stageByLetterStatus) as [LetterStatus, IntroductionStage][])
    .filter(([, s]) => s === stage)
    .map(([status]) => status);
}

const toIntroduce = sql`m.category <> 'not_introduced'`;
/** The hand-off stage, from the same table as `stageOf` (src/shared/rules/introduction-letter.ts). */
function stage(s: IntroductionStage): SQL {
  if (s === 'not_to_introduce') return sql`m.category = 'not_introduced'`;
  if (s === 'not_introduced')
    return sql`(${toIntroduce} and (l.id is null or not ${oneOf(sql`l.status`, Object.keys(stageByLetterStatus))}))`;
  return sql`(${toIntroduce} and ${oneOf(sql`l.status`, lettersAt(s))})`;
}

export const membersSource: FigureSource = {
  name: 'members',
  drill: 'members',
  sides: memberSides,
  from: () => WORKING_MEMBERS,
  year: null,
  figures: () => ({
    workingMembers: sql`true`,
    categoryActive: sql`m.category = 'active'`,
    categoryExempt: sql`m.category = 'exempt'`,
    categoryNotIntroduced: sql`m.category = 'not_introduced'`,
    stageNotIntroduced: stage('not_introduced'),
    stageDraft: stage('draft'),
    stageAwaitingReceipt: stage('awaiting_receipt'),
    stageAwaitingPlacement: stage('awaiting_placement'),
    stageAwaitingAcknowledgement: stage('awaiting_acknowledgement'),
    stagePlaced: stage('placed'),
    stageRejected: stage('rejected'),
    stageNotToIntroduce: stage('not_to_introduce'),
    placedInCell: sql`m.residence_cell_id is not null`,
    notPlaced: sql`m.residence_cell_id is null`,
    livesAway: livesAwaySql(sql`m.registered_commune`, sql`rcm.name`),
    noResidenceKnown: sql`m.residence_commune_id is null`,
  }),
};

/** `lettersOverdue` depends on the clock: received late after INTRODUCTION_OVERDUE_DAYS (see isOverdue). */
export const overdueLettersSource: FigureSource = {
  ...membersSource,
  name: 'members-overdue',
  from: (ctx) => sql`${WORKING_MEMBERS} and ${isValue(sql`l.status`, 'issued' satisfies LetterStatus)}
    and l.issued_at < ${ctx.overdueBefore.toISOString()}::timestamptz`,
  figures: () => ({ lettersOverdue: sql`true` }),
};

/** Working members per year: the comment they are owed (Art. 3.4) and the workplace's classification (Reg. 366). */
export const memberYearsSource: FigureSource = {
  name: 'member-years',
  drill: 'members',
  sides: memberSides,
  from: (ctx) => sql`members m
    join org_units wc on wc.id = m.cell_id and wc.type = 'workplace_cell'
    left join introduction_letters l on l.id = m.current_letter_id
    left join org_units rcm on rcm.id = m.residence_commune_id
    cross join unnest(${`{${ctx.years.join(',')}}`}::int[]) as y(year)
    left join workplace_classifications wcl on wcl.member_id = m.id and wcl.year = y.year
    where ${isValue(sql`m.status`, 'active')}`,
  year: sql`y.year`,
  figures: () => ({
    // Guide 33: exempt and not-introduced members owe no yearly comment
    noComment: sql`m.category = 'active' and not exists (select 1 from evaluations x where x.member_id = m.id and x.year = y.year
      and ${oneOf(sql`x.status`, deliveredStatuses)})`,
  }),
  breakdown: sql`case when wcl.level is not null then array['c:' || wcl.level] else '{}'::text[] end`,
};

/** "Known here, no letter": requests from communes to workplaces still open. Alias r. */
export const requestsSource: FigureSource = {
  name: 'requests',
  drill: 'requests',
  sides: {
    residence: { anchor: sql`r.commune_id`, touches: (units) => sql`r.commune_id = any(${units})` },
    workplace: { anchor: sql`r.workplace_unit_id`, touches: (units) => sql`r.workplace_unit_id = any(${units})` },
  },
  from: () => sql`introduction_requests r where ${isValue(sql`r.status`, 'open')}`,
  year: null,
  figures: () => ({ requestsOpen: sql`true` }),
};

/** Letters by the year of a step (issued, placed, rejected), for the trend. Aliases l, m. */
function letterFlow(name: string, figure: FigureKey, at: string): FigureSource {
  const atColumn = sql.raw(`l.${at}`);
  return {
    name,
    drill: 'letters',
    sides: {
      workplace: { anchor: sql`m.cell_id`, touches: (units) => sql`m.cell_id = any(${units})` },
      residence: {
        anchor: sql`coalesce(l.residence_cell_id, ${areaCell(sql`l.residence_area_id`)}, l.receiving_commune_id)`,
        touches: (units) => sql`(l.residence_cell_id = any(${units}) or l.receiving_commune_id = any(${units})
          or l.residence_area_id = any(array(select tu.residential_area_id from org_units tu where tu.id = any(${units}))))`,
      },
    },
    from: () =>
      sql`introduction_letters l join members m on m.id = l.member_id where ${atColumn} is not null`,
    year: vnYearOf(atColumn),
    figures: () => ({ [figure]: sql`true` }),
  };
}

export const letterSources: FigureSource[] = [
  letterFlow('letters-issued', 'lettersIssued', 'issued_at'),
  letterFlow('letters-placed', 'lettersPlaced', 'placed_at'),
  letterFlow('letters-rejected', 'lettersRejected', 'rejected_at'),
];
