import type { Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { auditExport } from '../privacy/export-audit';
import { renderAttendanceRegisterPdf } from './attendance-register';
import type { MeetingDeps } from './meeting-context';
import { registerHeading } from './meeting-reads.repository';
import { getMeeting } from './meeting-reads.service';

/**
 * The printable attendance register (invited vs present, with reasons): for those who run the cell or read it
 * as officers; an invited member alone does not print the others' rows. The export is audited.
 */
export async function attendanceRegisterPdf(deps: MeetingDeps, actor: Actor, id: string) {
  const m = await getMeeting(deps, actor, id);
  if (!m.canManage && !actor.grants.some((g) => g.role !== 'member')) throw new NotFound('meeting_not_found');
  const cell = await registerHeading(deps.db, m.cellId);
  const pdf = await renderAttendanceRegisterPdf({
    communeName: cell?.commune ?? null,
    cellName: m.cellName,
    meeting: {
      title: m.title,
      kind: m.kind,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      agenda: m.agenda,
    },
    rows: m.attendance.map((a) => ({
      fullName: a.fullName,
      workplace: a.workplaceCommitteeName,
      rsvp: a.rsvp,
      rsvpReason: a.rsvpReason,
      status: a.status,
      reason: a.reason,
      method: a.method,
      checkedInOffline: a.checkedInOffline,
    })),
    secretaryName: cell?.secretary ?? null,
    printedAt: deps.clock.now().toISOString(),
  });
  await auditExport(deps.db, actor, {
    what: 'attendance-register.pdf',
    filters: { meetingId: m.id },
    rowCount: m.attendance.length,
    unitId: m.cellId,
  });
  return pdf;
}
