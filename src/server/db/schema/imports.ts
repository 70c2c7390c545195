import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

export const importStatusEnum = pgEnum('import_status', ['previewed', 'committing', 'committed', 'failed', 'discarded']);

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    status: importStatusEnum().notNull().default('previewed'),
    totalRows: integer().notNull().default(0),
    validRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    insertedRows: integer().notNull().default(0),
    updatedRows: integer().notNull().default(0),
    unchangedRows: integer().notNull().default(0),
    mode: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.createdBy, t.createdAt)],
);

export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid()
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNo: integer().notNull(),
    data: jsonb().$type<Record<string, string | null>>().notNull(),
    errors: jsonb().$type<{ field: string; code: string }[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);
