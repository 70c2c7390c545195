import { sql } from 'drizzle-orm';
import type { EvaluationStatus } from '../../../shared/rules/evaluation';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Executor } from '../client';
import type { EvaluationInput } from '../factories/evaluations';

/** A working member placed in a cell, picked for a comment of the year's cycle (columns of `formColumns`). */
export interface FormCandidate {
  cycle_id: string;
  member_id: string;
  workplace_unit_id: string;
  commune_id: string;
  cell_id: string;
  residence_area_id: string | null;
  front_head_name: string | null;
}

/** The candidate's columns; aliases `cy` (cycle), `m` (member), `a` (the residence cell's area). */
export const formColumns = sql`cy.id as cycle_id, m.id as member_id, cy.workplace_unit_id, m.residence_commune_id as commune_id,
  m.residence_cell_id as cell_id, m.residence_area_id, a.front_head_name`;
/** The residence cell's area of member `m`, for the Front head who co-signs. */
export const formArea = sql`left join org_units cl on cl.id = m.residence_cell_id left join residential_areas a on a.id = cl.residential_area_id`;

const HOUR = 3600_000;

/** The evaluation and its form as the workflow leaves them at each step's time (null: not reached). */
export function demoForm(
  c: FormCandidate,
  o: {
    year: number;
    dueDate: string;
    status: EvaluationStatus;
    ratings: Record<string, string>;
    proposal: string | null;
    written: boolean;
    times: {
      requested: Date;
      drafted: Date | null;
      signed: Date | null;
      confirmed: Date | null;
      released: Date | null;
      updated: Date;
    };
  },
): EvaluationInput {
  const t = o.times;
  return {
    cycleId: c.cycle_id,
    memberId: c.member_id,
    year: o.year,
    workplaceUnitId: c.workplace_unit_id,
    communeId: c.commune_id,
    cellId: c.cell_id,
    residenceAreaId: c.residence_area_id,
    dueDate: o.dueDate,
    status: o.status,
    requestedAt: t.requested,
    draftedAt: t.drafted,
    signedAt: t.signed,
    confirmedAt: t.confirmed,
    deliveredAt: t.confirmed,
    releasedAt: t.released,
    proposal: o.proposal,
    updatedAt: t.updated,
    ratings: o.ratings,
    form: {
      jointMeetingOn: o.written ? vnDay(t.drafted!) : null,
      jointMeetingParticipants: o.written ? 'Chi ủy chi bộ, Ban công tác Mặt trận khu dân cư' : null,
      signerName: t.signed ? 'Bí thư chi bộ' : null,
      signedAt: t.signed,
      frontSignerName: t.signed ? c.front_head_name : null,
      frontSignedAt: t.signed ? new Date(t.signed.getTime() - HOUR) : null,
      confirmerName: t.confirmed ? 'Đảng ủy phường' : null,
      confirmedAt: t.confirmed,
      createdAt: t.requested,
      updatedAt: t.updated,
    },
  };
}

export async function rows<T>(tx: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}
