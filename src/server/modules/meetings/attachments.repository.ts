import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';

/** Queries of the files attached to the minutes (rules in attachments.service.ts). */

export async function countAttachments(db: Executor, meetingId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from meeting_attachments where meeting_id = ${meetingId}`,
  );
  return n;
}

export async function insertAttachment(
  db: Executor,
  a: { meetingId: string; fileName: string; mimeType: string; bytes: Buffer; userId: string },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into meeting_attachments (meeting_id, file_name, mime_type, size_bytes, content, uploaded_by)
        values (${a.meetingId}, ${a.fileName}, ${a.mimeType}, ${a.bytes.length}, ${a.bytes}, ${a.userId}) returning id`,
  );
  return row!.id;
}

/** The removed attachment's name; none when it is not this meeting's. */
export async function deleteAttachment(db: Executor, meetingId: string, attachmentId: string) {
  const [row] = await queryRows<{ fileName: string }>(
    db,
    sql`delete from meeting_attachments where id = ${attachmentId} and meeting_id = ${meetingId} returning file_name as "fileName"`,
  );
  return row;
}

export async function findAttachment(db: Executor, meetingId: string, attachmentId: string) {
  const [row] = await queryRows<{ fileName: string; mimeType: string; content: Buffer | Uint8Array }>(
    db,
    sql`select file_name as "fileName", mime_type as "mimeType", content from meeting_attachments where id = ${attachmentId} and meeting_id = ${meetingId}`,
  );
  return row;
}
