/** Server messages for activities, contributions, warnings and directed topics, Vietnamese first. */
export const cellLifeMessages: Record<string, { vi: string; en: string }> = {
  cell_life_manage_only: {
    vi: 'Chỉ chi ủy/bí thư chi bộ (hoặc cấp ủy cấp trên) mới thực hiện được việc này.',
    en: 'Only the cell committee (or the committee above) can do this.',
  },
  cell_life_member_not_here: {
    vi: 'Đảng viên không cư trú tại đơn vị này.',
    en: 'The member does not live in this unit.',
  },
  contribution_decided: {
    vi: 'Đóng góp này đã được xử lý.',
    en: 'This contribution has already been decided.',
  },
  warning_exists: {
    vi: 'Đảng viên này đã có một {kind} đang mở với cùng nội dung nhưng khác chi bộ hoặc thời hạn. Đồng chí hãy mở {kind} đó thay vì gửi lại.',
    en: 'This member already has an open {kind} with the same reason but another cell or deadline. Open that {kind} instead of sending it again.',
  },
  warning_reply_own: {
    vi: 'Chỉ đảng viên được nhắc nhở mới trả lời được.',
    en: 'Only the member concerned can reply.',
  },
  warning_wrong_state: {
    vi: 'Không thực hiện được: nhắc nhở đang ở trạng thái “{status}”.',
    en: 'Not possible: the warning is “{status}”.',
  },
  'status.open': { vi: 'đang mở', en: 'open' },
  'status.resolved': { vi: 'đã khắc phục', en: 'resolved' },
  'status.escalated': { vi: 'đã báo nơi công tác', en: 'escalated' },
  'status.withdrawn': { vi: 'đã rút', en: 'withdrawn' },
  'kind.reminder': { vi: 'nhắc nhở', en: 'reminder' },
  'kind.warning': { vi: 'cảnh báo', en: 'warning' },
  'cellLife.unitInvalid': {
    vi: 'Hãy chọn chi bộ khu dân cư hoặc xã/phường.',
    en: 'Choose a residential cell or a commune.',
  },
  'cellLife.contributionEmpty': {
    vi: 'Hãy ghi ít nhất một phần đóng góp (ngày công, tiền, chuyên môn, hiện vật hoặc vai trò).',
    en: 'Record at least one part (work days, money, expertise, in kind or role).',
  },
  'cellLife.deadlinePast': { vi: 'Thời hạn phải sau hôm nay.', en: 'The deadline must be after today.' },
  'mail.warning_issued.subject': {
    vi: 'Residence Link: {cell} gửi {kind} cho đồng chí',
    en: 'Residence Link: a {kind} from {cell}',
  },
  'mail.warning_issued.body': {
    vi: '{cell} gửi {kind}, thời hạn khắc phục đến {deadline}. Đồng chí có thể trả lời trong Residence Link.',
    en: '{cell} sent you a {kind}; deadline {deadline}. You can reply in Residence Link.',
  },
  'mail.warning_escalated.subject': {
    vi: 'Residence Link: nhắc nhở đảng viên {member} quá hạn',
    en: 'Residence Link: warning for {member} is past its deadline',
  },
  'mail.warning_escalated.body': {
    vi: 'Nhắc nhở của {cell} đối với đồng chí {member} đã quá hạn mà chưa khắc phục (Điều 4.4).',
    en: 'The warning from {cell} to {member} is past its deadline and unresolved (Art. 4.4).',
  },
};
