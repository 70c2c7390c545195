import type { TFunction } from 'i18next';

/** Reasons travel as codes (reject reason, notice kind, "moved"…); unknown text is shown as written. */
export function reasonLabel(t: TFunction, code: string | null): string | null {
  if (!code) return null;
  for (const group of ['rejectReason', 'noticeKind', 'endReason']) {
    const key = `enums:${group}.${code}`;
    const label = t(key, { defaultValue: '' });
    if (label) return label;
  }
  return code;
}
