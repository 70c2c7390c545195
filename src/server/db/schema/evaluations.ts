import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  cancelledStatus,
  disputeStatuses,
  evaluationStatuses,
  openDisputeStatus,
  requestedStatus,
  residenceOpenStatuses,
} from '../../../shared/rules/evaluation';
import type { Evidence, RaisedFlag, RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { isNotValue, isValue, oneOf } from '../sql-values';
import { users } from './accounts';
import { members } from './members';
import { orgUnits } from './org-units';

/** Versioned rule sets for the yearly evaluation (src/shared/rules/evaluation-rules.ts); data, not code. */
export const ruleSets = pgTable('rule_sets', {
  code: text().primaryKey(),
  definition: jsonb().$type<RuleSetDefinition>().notNull(),
  effectiveFrom: date().notNull(),
  /** delivered with the product (true) or loaded by an administrator */
  builtIn: boolean().notNull().default(false),
  loadedBy: uuid().references(() => users.id),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Art. 3.4: a workplace committee's yearly round of requests, bound to one rule set. */
export const evaluationCycles = pgTable(
  'evaluation_cycles',
  {
    id: uuid().primaryKey().defaultRandom(),
    workplaceUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    ruleSetCode: text()
      .notNull()
      .references(() => ruleSets.code),
    dueDate: date().notNull(),
    openedBy: uuid().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_cycles_unit_year').on(t.workplaceUnitId, t.year)],
);

/** See src/shared/rules/evaluation.ts for the transitions between these states. */
export const evaluationStatusEnum = pgEnum('evaluation_status', evaluationStatuses);
export const evaluationKindEnum = pgEnum('evaluation_kind', ['yearly', 'on_demand']);
export const evaluationFormKindEnum = pgEnum('evaluation_form_kind', ['full', 'exempt']);

/**
 * One member's evaluation for a year (routine) or a purpose (on demand). Where it goes is fixed at request
 * time (commune and cell of residence, workplace committee) so a later move does not lose it. The form
 * content lives in versions; `version` points at the current one.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid().references(() => evaluationCycles.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    kind: evaluationKindEnum().notNull(),
    /** on-demand purpose (rule set `onDemandPurposes`) */
    purpose: text(),
    purposeNote: text(),
    /** the member asked for it themselves (public-service procedure), not the workplace */
    requestedByMember: boolean().notNull().default(false),
    ruleSetCode: text()
      .notNull()
      .references(() => ruleSets.code),
    formKind: evaluationFormKindEnum().notNull(),
    workplaceUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    communeId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** null while the commune has not placed the member in a cell yet */
    cellId: uuid().references(() => orgUnits.id),
    residenceAreaId: uuid(),
    dueDate: date().notNull(),
    status: evaluationStatusEnum().notNull().default(requestedStatus),
    version: integer().notNull().default(1),
    requestedBy: uuid().references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    draftedAt: timestamp({ withTimezone: true }),
    signedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    releasedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
    cancelReason: text(),
    /** the proposal level (commend / discipline) travelling with the confirmed form, and its answer */
    proposal: text(),
    proposalAnswer: text(),
    proposalAnswerNote: text(),
    proposalAnsweredAt: timestamp({ withTimezone: true }),
    /** printed on the form (QR → /verify); HMAC over what the paper says, see evaluation-document */
    verificationCode: text(),
    /** the residence side was reminded once that the due date passed */
    overdueNotifiedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one routine evaluation per member per year: opening a cycle twice creates nothing twice
    uniqueIndex('evaluations_yearly_once')
      .on(t.memberId, t.year)
      .where(sql`kind = 'yearly' and ${isNotValue(sql`status`, cancelledStatus)}`),
    // one open on-demand request per member and purpose
    uniqueIndex('evaluations_on_demand_open')
      .on(t.memberId, t.purpose)
      .where(sql`kind = 'on_demand' and ${oneOf(sql`status`, residenceOpenStatuses)}`),
    index().on(t.cycleId),
    index().on(t.workplaceUnitId, t.year, t.status),
    index().on(t.communeId, t.year, t.status),
    index().on(t.cellId, t.year, t.status),
    // the residence side of a form without a cell counts under its area's cell (dashboards)
    index()
      .on(t.residenceAreaId, t.year)
      .where(sql`${t.residenceAreaId} is not null`),
    index().on(t.memberId, t.year),
    uniqueIndex('evaluations_verification_code')
      .on(t.verificationCode)
      .where(sql`verification_code is not null`),
  ],
);

/** The form itself, one row per version; a version is frozen once signed (a new one opens on return/revision). */
export const evaluationVersions = pgTable(
  'evaluation_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    evaluationId: uuid()
      .notNull()
      .references(() => evaluations.id),
    version: integer().notNull(),
    ratings: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** written reasons for ratings the record contradicts, per criterion */
    justifications: jsonb().$type<Record<string, string>>().notNull().default({}),
    otherComments: text(),
    /** consistency flags raised at the last save (they stay visible to the commune and the workplace) */
    flags: jsonb().$type<RaisedFlag[]>().notNull().default([]),
    /** the record at the last save, as shown next to the criteria */
    evidence: jsonb().$type<Evidence | null>(),
    /** Art. 4.4: the cell committee met the Front working committee */
    jointMeetingOn: date(),
    jointMeetingParticipants: text(),
    frontSignedBy: uuid().references(() => users.id),
    frontSignerName: text(),
    frontSignedAt: timestamp({ withTimezone: true }),
    signedBy: uuid().references(() => users.id),
    signerName: text(),
    signedAt: timestamp({ withTimezone: true }),
    confirmedBy: uuid().references(() => users.id),
    confirmerName: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    /** the code printed on this version once confirmed; kept when a newer version replaces it */
    verificationCode: text(),
    /** why this version exists (return reason, dispute outcome) */
    openedReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_versions_once').on(t.evaluationId, t.version),
    index('evaluation_versions_code')
      .on(t.verificationCode)
      .where(sql`verification_code is not null`),
  ],
);

/** Art. 2.7: the member's own report on the duties, free text per duty, one per year. */
export const selfReports = pgTable(
  'self_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    duties: jsonb().$type<Record<string, string>>().notNull().default({}),
    submittedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('self_reports_member_year').on(t.memberId, t.year)],
);

/** Reg. 366: the workplace's own yearly score, shown next to the residence comment. */
export const workplaceClassifications = pgTable(
  'workplace_classifications',
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    score: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    level: text().notNull(),
    note: text(),
    classifiedBy: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workplace_classifications_member_year').on(t.memberId, t.year)],
);

export const disputeStatusEnum = pgEnum('dispute_status', disputeStatuses);

/** Art. 3.4: the member's objection, the dialogue between the two committees and its outcome. */
export const evaluationDisputes = pgTable(
  'evaluation_disputes',
  {
    id: uuid().primaryKey().defaultRandom(),
    evaluationId: uuid()
      .notNull()
      .references(() => evaluations.id),
    version: integer().notNull(),
    reason: text().notNull(),
    openedBy: uuid().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: disputeStatusEnum().notNull().default(openDisputeStatus),
    dialogueOn: date(),
    dialogueParticipants: text(),
    dialogueNotes: text(),
    outcome: text(),
    closedBy: uuid().references(() => users.id),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.evaluationId),
    uniqueIndex('evaluation_disputes_one_open')
      .on(t.evaluationId)
      .where(isValue(sql`status`, openDisputeStatus)),
  ],
);
