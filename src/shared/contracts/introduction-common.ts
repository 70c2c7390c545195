import { z } from 'zod';
import { introductionStages, letterActions, letterStatuses } from '../rules/introduction-letter';

/** The introductions' shared enums and route paths (Art. 2.7, 3.1, 3.2, 4.1, 4.2). */

export const letterStatusSchema = z.enum(letterStatuses);
export const letterActionSchema = z.enum(letterActions);
export const introductionStageSchema = z.enum(introductionStages);
export const rejectReasonSchema = z.enum(['not_our_area', 'wrong_address', 'other']);
export type RejectReason = z.infer<typeof rejectReasonSchema>;
export const noticeKindSchema = z.enum([
  'often_away',
  'mobile',
  'special_duty',
  'position_change',
  'job_transfer',
  'expelled',
  'removed',
  'left',
]);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

/** Trimmed text of at most `max` characters. */
export const boundedText = (max: number) => z.string().trim().max(max);

export const introductionPaths = {
  letters: '/api/introductions/letters',
  letter: (id: string) => `/api/introductions/letters/${id}`,
  letterPdf: (id: string) => `/api/introductions/letters/${id}/pdf`,
  letterDocx: (id: string) => `/api/introductions/letters/${id}/docx`,
  batchPdf: (batchId: string) => `/api/introductions/batches/${batchId}/pdf`,
  print: '/api/introductions/letters/print',
  issue: '/api/introductions/letters/issue',
  cancel: '/api/introductions/letters/cancel',
  receive: '/api/introductions/letters/receive',
  place: '/api/introductions/letters/place',
  reject: '/api/introductions/letters/reject',
  acknowledge: '/api/introductions/letters/acknowledge',
  resend: (id: string) => `/api/introductions/letters/${id}/resend`,
  workplaceSummary: '/api/introductions/workplace/summary',
  workplaceMembers: '/api/introductions/workplace/members',
  residents: '/api/introductions/residents',
  coverage: '/api/introductions/coverage',
  requests: '/api/introductions/requests',
  requestFulfil: (id: string) => `/api/introductions/requests/${id}/fulfil`,
  requestDecline: (id: string) => `/api/introductions/requests/${id}/decline`,
  notices: '/api/introductions/notices',
  noticeSeen: (id: string) => `/api/introductions/notices/${id}/seen`,
  mine: '/api/introductions/mine',
  moves: '/api/introductions/moves',
  reminders: '/api/introductions/reminders/run',
  verify: (code: string) => `/api/verify/${encodeURIComponent(code)}`,
} as const;
