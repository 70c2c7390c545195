import { ATTACHMENT_RULES } from '../../../shared/contracts/meetings';
import { canRecordMeeting } from '../../../shared/rules/meeting';
import type { Actor } from '../../http/actor';
import { AppError, Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import {
  countAttachments,
  deleteAttachment,
  findAttachment,
  insertAttachment,
} from './attachments.repository';
import type { MeetingDeps } from './meeting-context';
import { getMeeting } from './meeting-reads.service';

/**
 * Photos and files attached to the minutes. The type is read from the content (magic bytes), never trusted
 * from the name or the browser; size and count are limited; after the minutes lock nothing is added or removed.
 */

export function sniffType(bytes: Buffer, fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

function safeName(name: string): string {
  // Path separators and characters Windows refuses; control characters (code < 32) dropped.
  const cleaned = [...name.normalize('NFC')]
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join('')
    .replace(/[\\/:*?"<>|]/g, '_')
    .trim();
  return (cleaned || 'tep-dinh-kem').slice(0, 150);
}

export async function addAttachment(
  deps: MeetingDeps,
  actor: Actor,
  meetingId: string,
  file: { fileName: string; bytes: Buffer; truncated: boolean },
) {
  const m = await getMeeting(deps, actor, meetingId);
  if (!m.canManage) throw new Forbidden('meeting_manage_only');
  if (!canRecordMeeting('minutes', m.status))
    throw new Conflict('meeting_wrong_state', { action: 'minutes', status: m.status });
  if (m.minutesLocked) throw new Conflict('meeting_minutes_locked');
  if (file.truncated || file.bytes.length > ATTACHMENT_RULES.maxBytes)
    throw new AppError(413, 'attachment_too_large', { max: ATTACHMENT_RULES.maxBytes / 1024 / 1024 });
  if (file.bytes.length === 0) throw new Invalid('attachment_empty');
  const mimeType = sniffType(file.bytes, file.fileName);
  if (!mimeType)
    throw new Invalid('attachment_type', undefined, { types: ATTACHMENT_RULES.accept.join(', ') });
  await deps.db.transaction(async (tx) => {
    if ((await countAttachments(tx, meetingId)) >= ATTACHMENT_RULES.maxPerMeeting)
      throw new Conflict('attachment_too_many', { max: ATTACHMENT_RULES.maxPerMeeting });
    const id = await insertAttachment(tx, {
      meetingId,
      fileName: safeName(file.fileName),
      mimeType,
      bytes: file.bytes,
      userId: actor.userId,
    });
    await writeAudit(tx, actor, {
      action: 'meeting.attachment_added',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: m.cellId,
      after: { id, fileName: file.fileName, mimeType, size: file.bytes.length },
    });
  });
  return getMeeting(deps, actor, meetingId);
}

export async function removeAttachment(
  deps: MeetingDeps,
  actor: Actor,
  meetingId: string,
  attachmentId: string,
) {
  const m = await getMeeting(deps, actor, meetingId);
  if (!m.canManage) throw new Forbidden('meeting_manage_only');
  if (m.minutesLocked) throw new Conflict('meeting_minutes_locked');
  await deps.db.transaction(async (tx) => {
    const row = await deleteAttachment(tx, meetingId, attachmentId);
    if (!row) throw new NotFound();
    await writeAudit(tx, actor, {
      action: 'meeting.attachment_removed',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: m.cellId,
      before: { id: attachmentId, fileName: row.fileName },
    });
  });
  return getMeeting(deps, actor, meetingId);
}

export async function readAttachment(
  deps: MeetingDeps,
  actor: Actor,
  meetingId: string,
  attachmentId: string,
) {
  await getMeeting(deps, actor, meetingId); // 404 when the meeting is out of reach
  const row = await findAttachment(deps.db, meetingId, attachmentId);
  if (!row) throw new NotFound();
  return { ...row, content: Buffer.from(row.content) };
}
