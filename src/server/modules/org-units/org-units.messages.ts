/** Messages of the unit tree and its restructuring, in both languages. */
export const orgUnitMessages = {
  unit_code_taken: {
    vi: 'Mã đơn vị “{code}” đã được dùng cho đơn vị khác.',
    en: 'The unit code “{code}” is already used by another unit.',
  },
  unit_closed: {
    vi: 'Đơn vị “{name}” đã sáp nhập hoặc giải thể, không thể thay đổi.',
    en: 'The unit “{name}” has been merged or dissolved and cannot change.',
  },
  unit_not_managed: {
    vi: 'Đồng chí không quản lý đơn vị này nên không thể thay đổi thông tin của đơn vị.',
    en: 'You do not manage this unit, so you cannot change it.',
  },
  unit_root_admin_only: {
    vi: 'Chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất.',
    en: 'Only a system administrator can create a top-level unit.',
  },
  unit_type_not_allowed: {
    vi: 'Loại đơn vị này không thể trực thuộc đơn vị cấp trên đã chọn.',
    en: 'A unit of this type cannot sit under the chosen parent.',
  },
  unit_parent_is_cell: { vi: 'Chi bộ không có đơn vị trực thuộc.', en: 'A cell cannot have units under it.' },
  unit_sector_required: {
    vi: 'Cần chọn khối (cơ quan, doanh nghiệp, sự nghiệp, lực lượng vũ trang).',
    en: 'Choose the sector (agency, enterprise, public service, armed forces).',
  },
  unit_sector_not_applicable: {
    vi: 'Chỉ đảng bộ, chi bộ nơi làm việc mới có khối.',
    en: 'Only workplace committees and cells have a sector.',
  },
  unit_area_required: {
    vi: 'Chi bộ nơi cư trú cần gắn với một khu dân cư: chọn khu có sẵn hoặc tạo khu mới.',
    en: 'A residential cell needs a residential area: pick one or create a new one.',
  },
  unit_area_only_residential: {
    vi: 'Chỉ chi bộ nơi cư trú mới gắn với khu dân cư.',
    en: 'Only a residential cell belongs to a residential area.',
  },
  unit_area_wrong_commune: {
    vi: 'Khu dân cư này không thuộc xã/phường cấp trên đã chọn.',
    en: 'This residential area is not in the chosen commune.',
  },
  unit_area_not_found: { vi: 'Không tìm thấy khu dân cư.', en: 'Residential area not found.' },
  residential_area_taken: {
    vi: 'Khu dân cư này đã có chi bộ “{name}”.',
    en: 'This residential area already has the cell “{name}”.',
  },
  unit_move_cycle: {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc một đơn vị trực thuộc nó.',
    en: 'A unit cannot move under itself or one of its own units.',
  },
  unit_move_same_parent: {
    vi: 'Đơn vị đã trực thuộc đơn vị này.',
    en: 'The unit is already under this parent.',
  },
  unit_merge_type_mismatch: {
    vi: 'Chỉ hợp nhất được các đơn vị cùng loại (“{name}” khác loại).',
    en: 'Only units of the same type can merge (“{name}” differs).',
  },
  unit_merge_related: {
    vi: 'Không thể hợp nhất một đơn vị với đơn vị cấp trên hoặc trực thuộc của nó (“{name}”).',
    en: 'A unit cannot merge with its own parent or sub-unit (“{name}”).',
  },
  unit_has_active_children: {
    vi: 'Đơn vị còn {count} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.',
    en: 'The unit still has {count} active sub-units; move or dissolve them first.',
  },
  unit_has_active_members: {
    vi: 'Đơn vị còn {count} đảng viên đang sinh hoạt; hãy chuyển họ trước.',
    en: 'The unit still has {count} active members; transfer them first.',
  },
};
