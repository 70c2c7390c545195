import {
  openDisputeStatus,
  requestedStatus,
  type DisputeOutcome,
  type DisputeStatus,
} from '../../../shared/rules/evaluation';
import type { Executor } from '../client';
import {
  evaluationCycles,
  evaluationDisputes,
  evaluations,
  evaluationVersions,
  selfReports,
  workplaceClassifications,
} from '../schema';
import { inBatches } from './sequence';

/** Yearly evaluations with their form, cycles, self-reports, classifications and disputes (decision 0007). */

type EvaluationInsert = typeof evaluations.$inferInsert;
type VersionInsert = typeof evaluationVersions.$inferInsert;
type EvaluationRow = typeof evaluations.$inferSelect;

export type EvaluationInput = Partial<EvaluationInsert> &
  Pick<EvaluationInsert, 'memberId' | 'workplaceUnitId' | 'communeId'> & {
    ratings?: Record<string, string>;
    justifications?: Record<string, string>;
    flags?: { code: string; criterion: string; metric: string; actual: number }[];
    /** the rest of the current version (joint meeting, signatures, times); a requested form gets one only if given */
    form?: Partial<Omit<VersionInsert, 'evaluationId' | 'version'>>;
  };

/** Yearly evaluations, each with its current form version (ratings as given), in the statuses asked for. */
export async function newEvaluations(
  db: Executor,
  list: readonly EvaluationInput[],
): Promise<EvaluationRow[]> {
  const out: EvaluationRow[] = [];
  await inBatches(list, async (batch) => {
    const rows = await db
      .insert(evaluations)
      .values(
        batch.map(({ ratings: _r, justifications: _j, flags: _f, form: _v, ...rest }) => ({
          year: 2026,
          kind: 'yearly' as const,
          ruleSetCode: 'reg-213-2020',
          formKind: 'full' as const,
          dueDate: '2026-12-15',
          ...rest,
          status: rest.status ?? requestedStatus,
        })),
      )
      .returning();
    const versions = rows.flatMap((row, i) => {
      const { ratings, justifications, flags, form } = batch[i]!;
      if (row.status === requestedStatus && !form) return [];
      return [
        {
          evaluationId: row.id,
          version: row.version,
          ratings: ratings ?? {},
          justifications: justifications ?? {},
          flags: (flags ?? []) as never,
          ...form,
        },
      ];
    });
    if (versions.length) await db.insert(evaluationVersions).values(versions);
    out.push(...rows);
  });
  return out;
}

/** A yearly evaluation with its current form version (ratings as given), in the status asked for. */
export async function newEvaluation(db: Executor, o: EvaluationInput) {
  const [row] = await newEvaluations(db, [o]);
  return row!;
}

/** A workplace committee's evaluation cycle of a year. */
export async function newCycle(
  db: Executor,
  o: Partial<typeof evaluationCycles.$inferInsert> & {
    workplaceUnitId: string;
    year: number;
    dueDate: string;
  },
) {
  const [row] = await db
    .insert(evaluationCycles)
    .values({ ruleSetCode: 'reg-213-2020', ...o })
    .returning();
  return row!;
}

type DisputeInput = Partial<typeof evaluationDisputes.$inferInsert> & {
  evaluationId: string;
  status?: DisputeStatus;
  outcome?: DisputeOutcome | null;
};

/** Disputes of evaluations' comments (open unless told). */
export async function newDisputes(db: Executor, list: readonly DisputeInput[]) {
  const out: (typeof evaluationDisputes.$inferSelect)[] = [];
  await inBatches(list, async (batch) => {
    const values = batch.map((o) => ({
      version: 1,
      reason: 'Nhận xét chưa khách quan',
      ...o,
      status: o.status ?? openDisputeStatus,
      outcome: o.outcome ?? null,
    }));
    out.push(...(await db.insert(evaluationDisputes).values(values).returning()));
  });
  return out;
}

export async function newDispute(db: Executor, o: DisputeInput) {
  const [row] = await newDisputes(db, [o]);
  return row!;
}

type ClassificationInput = Partial<typeof workplaceClassifications.$inferInsert> & {
  memberId: string;
  score: number;
  level: string;
};

/** The workplaces' own classification of members (Reg. 366), of 2026 unless told. */
export async function newClassifications(db: Executor, list: readonly ClassificationInput[]) {
  await inBatches(list, (batch) =>
    db.insert(workplaceClassifications).values(batch.map((o) => ({ ...o, year: o.year ?? 2026 }))),
  );
}

export async function newClassification(db: Executor, o: ClassificationInput) {
  await newClassifications(db, [o]);
}

type SelfReportInput = Partial<typeof selfReports.$inferInsert> & { memberId: string };

/** Members' self-reports of a year (2026 and submitted on 1 October unless told). */
export async function newSelfReports(db: Executor, list: readonly SelfReportInput[]) {
  await inBatches(list, (batch) =>
    db.insert(selfReports).values(
      batch.map((o) => ({
        duties: { '1': 'Gương mẫu' },
        submittedAt: new Date('2026-10-01T00:00:00Z'),
        ...o,
        year: o.year ?? 2026,
      })),
    ),
  );
}

export async function newSelfReport(db: Executor, o: SelfReportInput) {
  await newSelfReports(db, [o]);
}
