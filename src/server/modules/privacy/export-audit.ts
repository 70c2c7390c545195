/**
 * Every export of member lists, reports and printed documents leaves an audit entry (issue 12, Personal Data
 * Protection Law): who, which export, with which filters, how many rows. Called by the export routes and
 * services of the other modules after the file is made.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client';
import { sendFile } from '../../http/send-file';
import type { Actor } from '../../http/actor';
import { writeAudit } from '../audit/audit.service';
import { logRecordRead, type ReadTarget } from './read-log';

export interface ExportAudit {
  /** what was exported, e.g. 'members.xlsx', 'letter.pdf', 'evaluation.docx' */
  what: string;
  /** the filters or ids the export was made from (no personal data beyond ids) */
  filters?: Record<string, unknown>;
  /** rows (or documents) in the file, when known */
  rowCount?: number | null;
  /** the unit the exported records belong to, so the entry is read with that unit's log */
  unitId?: string | null;
}

export async function auditExport(db: Executor, actor: Actor, e: ExportAudit): Promise<void> {
  await writeAudit(db, actor, {
    action: 'data.exported',
    entityType: 'export',
    entityId: e.what,
    unitId: e.unitId ?? null,
    after: { what: e.what, filters: e.filters ?? {}, rowCount: e.rowCount ?? null },
  });
}

/**
 * A generated file sent as a download after its audit entry is written; a document printed for one member
 * (`read`) also counts as a read of their record.
 */
export async function sendExport(
  db: Executor,
  request: FastifyRequest,
  reply: FastifyReply,
  file: { body: Buffer; fileName: string },
  type: string,
  e: ExportAudit & { read?: ReadTarget },
) {
  await auditExport(db, request.actor!, e);
  if (e.read) logRecordRead(request, e.read, 'document');
  return sendFile(reply, file, type);
}
