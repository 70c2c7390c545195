import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { Invalid, NotFound } from '../../http/errors';
import { findCommuneWithArea, lockMemberRow, type MemberStateRow } from './residence.repository';

/** Checks shared by notices, moves, requests and resent letters: the member acted on, the commune named. */

export type MemberState = MemberStateRow;

/** The member, locked for the change; out of `scope` (or unknown) is "not found". */
export async function lockMember(tx: Executor, memberId: string, scope: SQL): Promise<MemberState> {
  const m = await lockMemberRow(tx, memberId, scope);
  if (!m || !m.inScope) throw new NotFound();
  return m;
}

/** An active commune (or district) and, when given, an area inside it; else 422 on `field` (or the area). Returns its name. */
export async function checkCommuneAndArea(
  tx: Executor,
  communeId: string,
  areaId: string | null | undefined,
  field: string,
) {
  const c = await findCommuneWithArea(tx, communeId, areaId);
  if (!c?.ok) throw new Invalid('validation_failed', { [field]: 'member.communeInvalid' });
  if (!c.areaOk) throw new Invalid('validation_failed', { residenceAreaId: 'member.areaInvalid' });
  return c.name;
}
