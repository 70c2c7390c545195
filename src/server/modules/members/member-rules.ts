/**
 * Pure consistency rules for a member record, shared by the form API and the importer.
 * Returns field → message key; empty when the record is consistent.
 */
export interface MemberFieldsForRules {
  dateOfBirth?: string | null;
  dateAdmitted?: string | null;
  dateOfficial?: string | null;
  category?: 'active' | 'exempt' | 'not_introduced' | null;
  categoryReason?: string | null;
  exemptFrom?: string | null;
  exemptTo?: string | null;
}

/** Guide 33: an exemption or a "not introduced" status always carries its reason. */
export function checkMemberRules(m: MemberFieldsForRules, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (m.dateOfBirth && m.dateOfBirth > today) errors.dateOfBirth = 'member.birthInFuture';
  if (m.dateOfBirth && m.dateOfBirth < '1900-01-01') errors.dateOfBirth = 'member.birthTooEarly';
  if (m.dateAdmitted && m.dateOfBirth && yearsBetween(m.dateOfBirth, m.dateAdmitted) < 18)
    errors.dateAdmitted = 'member.admittedTooYoung';
  if (m.dateAdmitted && m.dateAdmitted > today) errors.dateAdmitted = 'member.dateInFuture';
  if (m.dateOfficial && m.dateAdmitted && m.dateOfficial < m.dateAdmitted) errors.dateOfficial = 'member.officialBeforeAdmitted';
  if (m.dateOfficial && m.dateOfficial > today) errors.dateOfficial = 'member.dateInFuture';
  if ((m.category === 'exempt' || m.category === 'not_introduced') && !m.categoryReason?.trim())
    errors.categoryReason = 'member.reasonRequired';
  if (m.category === 'exempt' && !m.exemptFrom) errors.exemptFrom = 'member.exemptFromRequired';
  if (m.exemptFrom && m.exemptTo && m.exemptTo < m.exemptFrom) errors.exemptTo = 'member.exemptToBeforeFrom';
  return errors;
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export const memberMessages = {
  'member.birthInFuture': { vi: 'Ngày sinh không thể ở tương lai.', en: 'The date of birth cannot be in the future.' },
  'member.birthTooEarly': { vi: 'Ngày sinh không hợp lệ.', en: 'The date of birth is not valid.' },
  'member.admittedTooYoung': { vi: 'Ngày vào Đảng phải sau khi đủ 18 tuổi.', en: 'Admission must be at 18 or older.' },
  'member.dateInFuture': { vi: 'Ngày này không thể ở tương lai.', en: 'This date cannot be in the future.' },
  'member.officialBeforeAdmitted': { vi: 'Ngày chính thức phải sau ngày vào Đảng.', en: 'Made official must come after admission.' },
  'member.reasonRequired': { vi: 'Cần ghi lý do.', en: 'A reason is required.' },
  'member.exemptFromRequired': { vi: 'Cần ghi ngày bắt đầu miễn sinh hoạt.', en: 'The exemption start date is required.' },
  'member.exemptToBeforeFrom': { vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must follow the start date.' },
  card_number_taken: { vi: 'Số thẻ đảng này đã có trong hệ thống.', en: 'This Party card number is already registered.' },
  citizen_id_taken: { vi: 'Số CCCD này đã có trong hệ thống.', en: 'This citizen ID is already registered.' },
  'member.cellInvalid': { vi: 'Hãy chọn một chi bộ đang hoạt động trong phạm vi của đồng chí.', en: 'Choose an active cell within your reach.' },
  'member.communeInvalid': { vi: 'Hãy chọn một xã/phường.', en: 'Choose a commune or ward.' },
  'member.areaInvalid': { vi: 'Khu dân cư không thuộc xã/phường đã chọn.', en: 'The residential area is not in the chosen commune.' },
  stale_update: {
    vi: 'Bản ghi vừa được người khác sửa. Hãy tải lại để xem thay đổi rồi sửa tiếp.',
    en: 'Someone else saved this record meanwhile. Reload to see their change, then edit again.',
  },
  member_not_writable: { vi: 'Đồng chí chỉ xem được, không sửa được thông tin của đảng viên này.', en: 'You may view but not edit this member.' },
};
