// npm run audit:verify: recomputes the audit log's hash chain (migration 0012) in the database the server uses
// (DATABASE_URL, else PGlite under DATA_DIR). Prints OK with the number of entries, or every row that does not
// fit (altered, missing, out of chain); exits 1 when the chain is broken.
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../src/server/db/client';
import { openTarget, serverTarget } from './db-backup.lib';

export interface ChainProblem {
  chainSeq: number | null;
  auditId: number | null;
  problem: 'altered' | 'missing' | 'out_of_chain';
}

const explain: Record<ChainProblem['problem'], string> = {
  altered: 'altered: its content no longer gives its hash',
  missing: 'missing: this place in the chain has no row (deleted)',
  out_of_chain: 'out of chain: a row with no place in the chain (inserted around the trigger)',
};

export async function verifyAuditChain(db: Executor): Promise<{ entries: number; problems: ChainProblem[] }> {
  const problems = await queryRows<ChainProblem>(
    db,
    sql`select chain_seq::int as "chainSeq", audit_id::int as "auditId", problem from audit_chain_verify()`,
  );
  const [{ entries }] = (await queryRows<{ entries: number }>(
    db,
    sql`select count(*)::int as entries from audit_log`,
  )) as [{ entries: number }];
  return { entries, problems };
}

export function describeProblems(problems: ChainProblem[]): string[] {
  return problems.map(
    (p) => `  chain #${p.chainSeq ?? '-'} (audit id ${p.auditId ?? '-'}): ${explain[p.problem]}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let code = 0;
  try {
    const { database, close } = await openTarget(serverTarget());
    try {
      const { entries, problems } = await verifyAuditChain(database.db);
      if (problems.length === 0) console.log(`Audit log OK: ${entries} entries in one unbroken chain.`);
      else {
        console.error(`Audit log BROKEN: ${problems.length} problem(s) in ${entries} entries.`);
        for (const line of describeProblems(problems)) console.error(line);
        code = 1;
      }
    } finally {
      await close();
    }
  } catch (err) {
    console.error(`Audit check failed: ${(err as Error).message}`);
    code = 2;
  }
  process.exit(code);
}
