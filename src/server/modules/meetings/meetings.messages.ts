/** Server messages of residential cell life (errors, validation keys, emails), Vietnamese first. */
export const meetingMessages: Record<string, { vi: string; en: string }> = {
  meeting_not_found: {
    vi: 'Không tìm thấy buổi sinh hoạt, hoặc đồng chí không có quyền xem.',
    en: 'Meeting not found, or you are not allowed to see it.',
  },
  meeting_exists: {
    vi: 'Chi bộ đã có buổi sinh hoạt cùng tên vào đúng thời điểm này nhưng khác địa điểm, giờ kết thúc, nội dung hoặc chuyên đề. Đồng chí hãy sửa buổi đó thay vì lên lịch lại.',
    en: 'The cell already has a meeting with this title at this time but with another place, end, agenda or topics. Edit that meeting instead of scheduling it again.',
  },
  meeting_manage_only: {
    vi: 'Chỉ bí thư chi bộ (hoặc cấp ủy cấp trên) mới thực hiện được việc này.',
    en: 'Only the cell secretary (or the committee above) can do this.',
  },
  meeting_wrong_state: {
    vi: 'Không thể {action}: buổi sinh hoạt đang ở trạng thái “{status}”.',
    en: 'Cannot {action}: the meeting is “{status}”.',
  },
  meeting_not_started: { vi: 'Buổi sinh hoạt chưa bắt đầu.', en: 'The meeting has not started yet.' },
  meeting_rsvp_closed: {
    vi: 'Buổi sinh hoạt đã bắt đầu, không trả lời lời mời được nữa.',
    en: 'The meeting has started; invitations can no longer be answered.',
  },
  meeting_members_only: {
    vi: 'Chỉ đảng viên được mời mới thực hiện được việc này.',
    en: 'Only invited members can do this.',
  },
  meeting_checkin_bad_code: {
    vi: 'Mã điểm danh không đúng. Hãy quét lại mã QR tại buổi sinh hoạt.',
    en: 'Wrong check-in code. Scan the QR code at the meeting again.',
  },
  meeting_checkin_offline_needs_qr: {
    vi: 'Đường dẫn này không cho biết đồng chí quét lúc nào nên không gửi sau được. Hãy quét mã QR tại buổi sinh hoạt.',
    en: 'This link does not show when it was opened, so it cannot be sent later. Scan the QR code at the meeting.',
  },
  meeting_checkin_scan_future: {
    vi: 'Giờ quét mã trên điện thoại ở sau giờ hiện tại. Hãy kiểm tra đồng hồ điện thoại và quét lại mã QR.',
    en: 'The scan time on the phone is later than now. Check the phone’s clock and scan the QR code again.',
  },
  meeting_checkin_scan_mismatch: {
    vi: 'Giờ quét mã trên điện thoại không khớp với thời điểm mã QR được hiển thị. Hãy quét lại mã QR tại buổi sinh hoạt.',
    en: 'The scan time on the phone does not match when the QR code was shown. Scan the QR code at the meeting again.',
  },
  meeting_checkin_scan_outside: {
    vi: 'Mã được quét ngoài thời gian điểm danh của buổi sinh hoạt nên không được ghi nhận.',
    en: 'The code was scanned outside the meeting’s check-in time, so it is not recorded.',
  },
  meeting_checkin_closed: {
    vi: 'Chỉ tự điểm danh được trong thời gian diễn ra buổi sinh hoạt.',
    en: 'Self check-in is open only while the meeting takes place.',
  },
  meeting_member_not_invited: {
    vi: 'Có người không thuộc danh sách đảng viên được mời của buổi này.',
    en: 'Someone is not on this meeting’s invitation list.',
  },
  meeting_minutes_locked: {
    vi: 'Biên bản đã khóa; chỉ sửa được bằng đính chính có lý do.',
    en: 'The minutes are locked; change them by an amendment with a reason.',
  },
  attachment_missing: { vi: 'Chưa chọn tệp.', en: 'No file chosen.' },
  attachment_empty: { vi: 'Tệp rỗng.', en: 'The file is empty.' },
  attachment_type: {
    vi: 'Chỉ nhận ảnh và tệp: {types}.',
    en: 'Only photos and files of these types: {types}.',
  },
  attachment_too_large: {
    vi: 'Tệp quá lớn (tối đa {max} MB).',
    en: 'The file is too large (at most {max} MB).',
  },
  attachment_too_many: {
    vi: 'Mỗi biên bản đính kèm tối đa {max} tệp.',
    en: 'At most {max} attachments per meeting.',
  },
  meetings_no_unit: {
    vi: 'Đồng chí chưa được giao chi bộ hoặc đơn vị nào.',
    en: 'You have no cell or unit assigned.',
  },
  'action.edit': { vi: 'sửa', en: 'edit' },
  'action.hold': { vi: 'ghi nhận đã họp', en: 'record as held' },
  'action.rsvp': { vi: 'trả lời lời mời', en: 'answer the invitation' },
  'action.checkIn': { vi: 'điểm danh', en: 'check in' },
  'action.attendance': { vi: 'ghi điểm danh', en: 'record attendance' },
  'action.minutes': { vi: 'ghi biên bản', en: 'write minutes' },
  'status.scheduled': { vi: 'đã lên lịch', en: 'scheduled' },
  'status.held': { vi: 'đã họp', en: 'held' },
  'meetings.endBeforeStart': {
    vi: 'Giờ kết thúc phải sau giờ bắt đầu.',
    en: 'The end must come after the start.',
  },
  'meetings.tooLong': {
    vi: 'Một buổi sinh hoạt không kéo dài quá 24 giờ.',
    en: 'A meeting cannot last more than 24 hours.',
  },
  'meetings.inPast': {
    vi: 'Giờ này đã qua: không gửi lời mời cho buổi đã qua. Nếu buổi sinh hoạt đã diễn ra, hãy chọn “Ghi lại buổi đã họp”.',
    en: 'This time is over: invitations cannot go out for the past. If the meeting took place, choose “Record a meeting already held”.',
  },
  'meetings.editInPast': {
    vi: 'Giờ mới đã qua. Nếu buổi sinh hoạt đã diễn ra, hãy bấm “Ghi nhận đã họp” trên trang buổi sinh hoạt.',
    en: 'The new time is over. If the meeting took place, press “Record as held” on the meeting page.',
  },
  'meetings.notYetHeld': {
    vi: 'Buổi sinh hoạt này chưa diễn ra: hãy chọn “Lên lịch” để gửi lời mời.',
    en: 'This meeting has not taken place yet: choose “Schedule” to send invitations.',
  },
  'meetings.cellInvalid': {
    vi: 'Hãy chọn một chi bộ khu dân cư đang hoạt động.',
    en: 'Choose an active residential cell.',
  },
  'meetings.reasonRequired': { vi: 'Hãy ghi lý do.', en: 'Give a reason.' },
  'meetings.amendmentReasonRequired': {
    vi: 'Biên bản đã khóa: hãy ghi lý do đính chính.',
    en: 'The minutes are locked: give the reason for the amendment.',
  },
  'meetings.duplicateMember': { vi: 'Một đảng viên xuất hiện hai lần.', en: 'A member appears twice.' },
  'mail.meeting_invited.subject': {
    vi: 'Residence Link: mời dự sinh hoạt “{title}”',
    en: 'Residence Link: invitation to “{title}”',
  },
  'mail.meeting_invited.body': {
    vi: '{cell} mời đồng chí dự buổi sinh hoạt “{title}” lúc {when} tại {place}. Hãy trả lời trong Residence Link.',
    en: '{cell} invites you to “{title}” at {when}, {place}. Please answer in Residence Link.',
  },
  'mail.meeting_changed.subject': {
    vi: 'Residence Link: thay đổi buổi sinh hoạt “{title}”',
    en: 'Residence Link: “{title}” has changed',
  },
  'mail.meeting_changed.body': {
    vi: 'Buổi sinh hoạt “{title}” nay diễn ra lúc {when} tại {place}.',
    en: '“{title}” now takes place at {when}, {place}.',
  },
  'mail.meeting_cancelled.subject': {
    vi: 'Residence Link: hủy buổi sinh hoạt “{title}”',
    en: 'Residence Link: “{title}” is cancelled',
  },
  'mail.meeting_cancelled.body': {
    vi: 'Buổi sinh hoạt “{title}” lúc {when} bị hủy: {reason}.',
    en: '“{title}” at {when} is cancelled: {reason}.',
  },
  'mail.meeting_reminder.subject': {
    vi: 'Residence Link: nhắc lịch sinh hoạt “{title}”',
    en: 'Residence Link: reminder for “{title}”',
  },
  'mail.meeting_reminder.body': {
    vi: 'Còn {days} ngày đến buổi sinh hoạt “{title}” lúc {when} tại {place}.',
    en: '{days} day(s) until “{title}” at {when}, {place}.',
  },
  'mail.absences_reported.subject': {
    vi: 'Residence Link: đảng viên {member} vắng {count} buổi liên tiếp',
    en: 'Residence Link: {member} missed {count} meetings in a row',
  },
  'mail.absences_reported.body': {
    vi: 'Đồng chí {member} vắng không lý do {count} buổi sinh hoạt liên tiếp tại {cell} (Điều 4.4, Quy định 213).',
    en: '{member} missed {count} meetings in a row without a reason at {cell} (Art. 4.4, Regulation 213).',
  },
  'mail.half_year_missed.subject': {
    vi: 'Residence Link: {cell} chưa sinh hoạt đủ 6 tháng {half}/{year}',
    en: 'Residence Link: {cell} missed its meeting, half {half}/{year}',
  },
  'mail.half_year_missed.body': {
    vi: '{cell} chỉ tổ chức {held} buổi sinh hoạt với đảng viên đang công tác trong 6 tháng {half} năm {year}.',
    en: '{cell} held {held} meeting(s) with its working members in half {half} of {year}.',
  },
};
