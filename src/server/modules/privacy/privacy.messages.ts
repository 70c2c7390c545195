/** Words of the printed data summary that no other module's catalogue has (the rest come from reports'). */
export const privacyMessages = {
  'privacy.memberStatus.active': { vi: 'Đang sinh hoạt', en: 'Active' },
  'privacy.memberStatus.transferred': { vi: 'Đã chuyển sinh hoạt ra ngoài', en: 'Transferred out' },
  'privacy.memberStatus.expelled': { vi: 'Bị khai trừ', en: 'Expelled' },
  'privacy.memberStatus.removed': { vi: 'Bị xóa tên', en: 'Removed' },
  'privacy.memberStatus.left': { vi: 'Ra khỏi Đảng', en: 'Left' },
  'privacy.memberStatus.deceased': { vi: 'Từ trần', en: 'Deceased' },
  'privacy.membershipKind.party_cell': { vi: 'Chi bộ sinh hoạt', en: 'Party cell' },
  'privacy.membershipKind.residence_cell': { vi: 'Chi bộ nơi cư trú', en: 'Residential cell' },
  'privacy.role.admin': { vi: 'Quản trị hệ thống', en: 'Administrator' },
  'privacy.role.committee_officer': { vi: 'Cán bộ cấp ủy', en: 'Committee officer' },
  'privacy.role.cell_secretary': { vi: 'Bí thư chi bộ', en: 'Cell secretary' },
  'privacy.role.front_head': { vi: 'Trưởng ban công tác Mặt trận', en: 'Front working committee head' },
  'privacy.role.member': { vi: 'Đảng viên', en: 'Party member' },
} satisfies Record<string, { vi: string; en: string }>;
