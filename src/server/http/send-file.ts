import type { FastifyReply } from 'fastify';
import { stripDiacritics } from '../../shared/rules/vietnamese-name';

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A generated document as a download (Vietnamese file names survive through filename*), never cached. */
export function sendFile(reply: FastifyReply, file: { body: Buffer; fileName: string }, type: string) {
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** The plain `filename` must be ASCII; browsers use `filename*` (UTF-8) when they can. */
function asciiName(name: string): string {
  return stripDiacritics(name).replace(/[^\x20-\x7e]|"/g, '_');
}
