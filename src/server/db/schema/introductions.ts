import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { members } from './members';
import { orgUnits, residentialAreas } from './org-units';
import { awaitingReceiptStatus, openLetterStatuses } from '../../../shared/rules/introduction-letter';
import type { RequestStatus } from '../../../shared/rules/introduction-request';
import { isValue, oneOf } from '../sql-values';

/** See src/shared/rules/introduction-letter.ts for the transition table between these states. */
export const letterStatusEnum = pgEnum('letter_status', [
  'draft',
  'issued',
  'received',
  'placed',
  'acknowledged',
  'rejected',
  'superseded',
  'cancelled',
  'ended',
]);

export const rejectReasonEnum = pgEnum('letter_reject_reason', ['not_our_area', 'wrong_address', 'other']);

/**
 * Introduction letter (giấy giới thiệu, Art. 3.1): one per member, from the workplace committee to the commune
 * committee of the member's actual residence, then placed in a residential cell (Art. 4.1, 4.2).
 */
export const introductionLetters = pgTable(
  'introduction_letters',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    issuingUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    receivingCommuneId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** the residential cell the commune placed the member in */
    residenceCellId: uuid().references(() => orgUnits.id),
    status: letterStatusEnum().notNull().default('draft'),
    /** letters created together (a batch) print together */
    batchId: uuid(),
    /** the rejected letter this one corrects, or the letter of the previous residence (after a move) */
    previousLetterId: uuid(),
    year: integer(),
    number: integer(),
    /** HMAC of the printed content: the QR / short code on the paper, verified at /verify/<code> */
    verificationCode: text(),
    /** residence address at the time of the letter (the paper must not change when the registry does) */
    residenceAreaId: uuid().references(() => residentialAreas.id),
    residenceStreet: text(),
    exempt: text(),
    signerName: text(),
    signerPosition: text(),
    issuedAt: timestamp({ withTimezone: true }),
    issuedBy: uuid().references(() => users.id),
    receivedAt: timestamp({ withTimezone: true }),
    placedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    rejectedAt: timestamp({ withTimezone: true }),
    rejectReason: rejectReasonEnum(),
    rejectNote: text(),
    endedAt: timestamp({ withTimezone: true }),
    endReason: text(),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One letter in progress per member: a double-submitted create makes nothing twice.
    uniqueIndex('introduction_letters_one_open')
      .on(t.memberId)
      .where(oneOf(sql`status`, openLetterStatuses)),
    uniqueIndex('introduction_letters_number_key').on(t.issuingUnitId, t.year, t.number),
    uniqueIndex('introduction_letters_code_key').on(t.verificationCode),
    index().on(t.memberId, t.createdAt),
    index().on(t.issuingUnitId, t.status),
    index().on(t.receivingCommuneId, t.status),
    index().on(t.residenceCellId, t.status),
    // letters to an area without a cell yet count under the area's cell (dashboards)
    index()
      .on(t.residenceAreaId)
      .where(sql`${t.residenceAreaId} is not null`),
    index().on(t.batchId),
    index('introduction_letters_overdue')
      .on(t.issuedAt)
      .where(sql`${isValue(sql`status`, awaitingReceiptStatus)} and reminder_sent_at is null`),
  ],
);

/** Per committee per year: the last letter number used (numbers are `No. 12-GGT/ĐU`). */
export const letterCounters = pgTable(
  'letter_counters',
  {
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    kind: text().notNull().default('GGT'),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.kind] })],
);

export const noticeKindEnum = pgEnum('residence_notice_kind', [
  'often_away',
  'mobile',
  'special_duty',
  'position_change',
  'job_transfer',
  'expelled',
  'removed',
  'left',
]);

/** Notices from the workplace to the residence side (Art. 3.1, 3.2), delivered automatically. */
export const residenceNotices = pgTable(
  'residence_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    kind: noticeKindEnum().notNull(),
    issuingUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** where it was delivered: the member's residence at the time */
    residenceCommuneId: uuid().references(() => orgUnits.id),
    residenceCellId: uuid().references(() => orgUnits.id),
    effectiveDate: date().notNull(),
    periodFrom: date(),
    periodTo: date(),
    newJobTitle: text(),
    newCellId: uuid().references(() => orgUnits.id),
    note: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp({ withTimezone: true }),
    seenBy: uuid().references(() => users.id),
  },
  (t) => [
    index().on(t.memberId, t.createdAt),
    index().on(t.residenceCommuneId, t.createdAt),
    index().on(t.residenceCellId, t.createdAt),
    index().on(t.issuingUnitId, t.createdAt),
    // Issue 12 natural key: one notice of a kind for a member on a date; a resend of it answers the first.
    uniqueIndex('residence_notices_natural_key').on(t.memberId, t.kind, t.effectiveDate),
  ],
);

/** A member's own report of a move of residence (Art. 2.7), with both places kept. */
export const residenceMoves = pgTable(
  'residence_moves',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    movedOn: date().notNull(),
    fromCommuneId: uuid().references(() => orgUnits.id),
    fromCellId: uuid().references(() => orgUnits.id),
    fromAreaId: uuid().references(() => residentialAreas.id),
    fromStreet: text(),
    toCommuneId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    toAreaId: uuid().references(() => residentialAreas.id),
    toStreet: text(),
    draftLetterId: uuid(),
    reportedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.memberId, t.createdAt)],
);

export const introRequestStatusEnum = pgEnum('introduction_request_status', [
  'open',
  'fulfilled',
  'declined',
]);

/** The requests still to answer: one per person (issue 12). */
const OPEN_REQUEST = isValue(sql`status`, 'open' satisfies RequestStatus);

/** "Known here, no letter": the commune found a working member living locally and asks the workplace to introduce them. */
export const introductionRequests = pgTable(
  'introduction_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    communeId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    workplaceUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    memberId: uuid().references(() => members.id),
    fullName: text().notNull(),
    dateOfBirth: date(),
    cardNumber: text(),
    phone: text(),
    residenceAreaId: uuid().references(() => residentialAreas.id),
    residenceStreet: text(),
    note: text(),
    status: introRequestStatusEnum().notNull().default('open'),
    letterId: uuid(),
    declineNote: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.workplaceUnitId, t.status),
    index().on(t.communeId, t.status),
    index().on(t.memberId),
    uniqueIndex('introduction_requests_one_open')
      .on(t.communeId, t.cardNumber)
      .where(sql`${OPEN_REQUEST} and card_number is not null`),
    // Issue 12 natural key without a card number: the same person (name, date of birth) asked of the same workplace.
    uniqueIndex('introduction_requests_one_open_by_name')
      .on(
        t.communeId,
        t.workplaceUnitId,
        sql`lower(${t.fullName})`,
        sql`coalesce(${t.dateOfBirth}, '0001-01-01'::date)`,
      )
      .where(sql`${OPEN_REQUEST} and card_number is null`),
  ],
);
