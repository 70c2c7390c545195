import type { Db } from '../db/client';
import type { Clock } from '../context';
import { purgeIdempotencyKeys } from '../http/idempotency.repository';
import { remindOverdueEvaluations } from '../modules/evaluations/evaluations.jobs';
import { sendOverdueReminders } from '../modules/introductions/reminders';
import { escalateOverdueWarnings } from '../modules/cell-life/warnings.service';
import { flagMissedHalfYears, sendMeetingReminders } from '../modules/meetings/meetings.jobs';
import { runFigureJob } from '../modules/reports/figures/figures.service';
import { applyRetention } from '../modules/privacy/retention';

/** What every job receives: the database, the clock and the settings the jobs read. */
export interface JobDeps {
  db: Db;
  clock: Clock;
  /** a letter not received within this many days is overdue */
  overdueDays: number;
}

export interface JobDefinition {
  /** stable: it is the job's row in `job_schedule` */
  name: string;
  /** one tick per interval across every server on the database */
  everyMs: number;
  /** what the tick does; its result is kept as the job's last result (JSON) */
  run: (deps: JobDeps) => Promise<unknown>;
  /** how long a run holds the job before another server may take it over (default 10 minutes) */
  leaseMs?: number;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

/**
 * Every periodic job of the server (decision 0011). Each is idempotent on its own (markers such as
 * `reminder_sent_at`), and the runner claims each tick once across processes. Registering a job is one line.
 */
export const jobs: JobDefinition[] = [
  { name: 'letters.overdue-reminders', everyMs: HOUR, run: (d) => sendOverdueReminders(d) },
  { name: 'meetings.reminders', everyMs: HOUR, run: (d) => sendMeetingReminders(d) },
  { name: 'meetings.missed-half-years', everyMs: HOUR, run: (d) => flagMissedHalfYears(d) },
  { name: 'warnings.escalation', everyMs: HOUR, run: (d) => escalateOverdueWarnings(d) },
  { name: 'evaluations.overdue', everyMs: HOUR, run: (d) => remindOverdueEvaluations(d) },
  { name: 'reports.figures', everyMs: 15 * SECOND, run: (d) => runFigureJob(d) },
  // ended members anonymised once past the retention period (decision 0014); the rule counts in whole days
  { name: 'privacy.retention', everyMs: 24 * HOUR, run: (d) => applyRetention(d.db, d.clock.now()) },
  // Idempotency-Key answers past their 24 h (decision 0012)
  {
    name: 'idempotency.purge',
    everyMs: HOUR,
    run: async (d) => ({ purged: await purgeIdempotencyKeys(d.db, d.clock.now()) }),
  },
];
