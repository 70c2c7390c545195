/** Counters the factories draw unique codes and numbers from (one database per test file, so per process is enough). */

let seq = 0;
/** Unique within a process (each test file has its own database). */
export const next = () => ++seq + Math.floor(Math.random() * 1000) * 100000;

/** Letter numbers above any a committee's counter reaches in a test, so a factory letter never takes an issued one's number. */
const LETTER_NUMBER_BASE = 900_000;
let letterSeq = 0;
/** The next letter number: deterministic and never the same twice in a process (the unique key is committee, year, number). */
export const nextLetterNumber = () => LETTER_NUMBER_BASE + ++letterSeq;

/** Rows per insert statement when a factory builds many at once. */
export const BATCH = 500;

export async function inBatches<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}
