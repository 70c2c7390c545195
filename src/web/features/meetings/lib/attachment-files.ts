import { ATTACHMENT_RULES } from '../../../../shared/contracts/meetings';

/**
 * The client's look at a file before it is sent, so a wrong pick is explained at once instead of after
 * a 10 MB upload on a phone. The server still reads the content and decides (see attachments.service.ts).
 */

/** Types the server recognises from the content alone, so a camera photo without an extension still passes. */
const SNIFFED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** For the file picker: any image keeps the phone's camera on offer; the rest by extension. */
export const ATTACHMENT_ACCEPT = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/*',
  ...ATTACHMENT_RULES.accept,
].join(',');

export type AttachmentProblem = 'type' | 'size' | 'empty';

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export function checkAttachment(file: {
  name: string;
  size: number;
  type: string;
}): AttachmentProblem | null {
  const byName = (ATTACHMENT_RULES.accept as readonly string[]).includes(extensionOf(file.name));
  if (!byName && !SNIFFED_TYPES.includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_RULES.maxBytes) return 'size';
  return null;
}

export type AttachmentKind = 'image' | 'pdf' | 'word' | 'excel' | 'other';

export function attachmentKind(mimeType: string): AttachmentKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType.includes('wordprocessingml')) return 'word';
  if (mimeType.includes('spreadsheetml')) return 'excel';
  return 'other';
}
