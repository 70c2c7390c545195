import type { Locale } from '../../shared/contracts/auth';

/**
 * Server-side messages (errors, emails) in both languages. Keys are error codes or validation keys.
 * `{name}` placeholders are filled from params.
 */
const messages: Record<string, { vi: string; en: string }> = {
  // generic
  not_found: { vi: 'Không tìm thấy bản ghi, hoặc đồng chí không có quyền xem.', en: 'Not found, or you are not allowed to see it.' },
  route_not_found: { vi: 'Không có địa chỉ API này.', en: 'There is no such API address.' },
  unauthenticated: { vi: 'Đồng chí cần đăng nhập để tiếp tục.', en: 'Please log in.' },
  forbidden: { vi: 'Đồng chí không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  csrf_failed: { vi: 'Phiên làm việc không hợp lệ, hãy tải lại trang.', en: 'Your session token is invalid; reload the page.' },
  validation_failed: { vi: 'Dữ liệu chưa hợp lệ, hãy kiểm tra các trường được đánh dấu.', en: 'Some fields are not valid; check the marked ones.' },
  bad_request: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  invalid_json: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'This content type is not supported.' },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The upload is too large.' },
  rate_limited: { vi: 'Đồng chí thao tác quá nhanh, hãy thử lại sau ít phút.', en: 'Too many attempts; try again in a few minutes.' },
  conflict: { vi: 'Dữ liệu đã thay đổi hoặc bị trùng, hãy tải lại và thử lại.', en: 'The data changed or is a duplicate; reload and try again.' },
  duplicate: { vi: 'Giá trị này đã tồn tại.', en: 'This value already exists.' },
  unit_not_found: {
    vi: 'Không tìm thấy đơn vị, hoặc đơn vị ngoài phạm vi của đồng chí.',
    en: 'Unit not found, or outside your reach.',
  },
  internal_error: { vi: 'Có lỗi hệ thống. Dữ liệu của đồng chí không bị mất; hãy thử lại.', en: 'Something went wrong on our side. Nothing was lost; try again.' },
  // auth
  invalid_credentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong login or password.' },
  account_disabled: { vi: 'Tài khoản đã bị khóa. Hãy liên hệ quản trị viên.', en: 'This account is disabled. Contact the administrator.' },
  wrong_current_password: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  same_password: { vi: 'Mật khẩu mới phải khác mật khẩu cũ.', en: 'The new password must differ from the old one.' },
  // emails (subject + body per notification kind)
  'mail.role_granted.subject': { vi: 'Residence Link: đồng chí được giao vai trò mới', en: 'Residence Link: you have a new role' },
  'mail.role_granted.body': {
    vi: 'Đồng chí vừa được giao vai trò {role} tại {unit}. Đăng nhập Residence Link để bắt đầu.',
    en: 'You have been given the role {role} at {unit}. Log in to Residence Link to start.',
  },
  'role.admin': { vi: 'quản trị hệ thống', en: 'system administrator' },
  'role.committee_officer': { vi: 'cán bộ cấp ủy', en: 'committee officer' },
  'role.cell_secretary': { vi: 'bí thư chi bộ', en: 'cell secretary' },
  'role.front_head': { vi: 'trưởng ban công tác Mặt trận', en: 'Front working committee head' },
  'role.member': { vi: 'đảng viên', en: 'member' },
  // validation keys (zod messages)
  'password.tooShort': { vi: 'Mật khẩu cần ít nhất 10 ký tự.', en: 'The password needs at least 10 characters.' },
  'password.needsLetter': { vi: 'Mật khẩu cần có chữ cái.', en: 'The password needs a letter.' },
  'password.needsDigit': { vi: 'Mật khẩu cần có chữ số.', en: 'The password needs a digit.' },
  'cardNumber.format': { vi: 'Số thẻ đảng gồm 6–12 chữ số.', en: 'A Party card number has 6–12 digits.' },
  'citizenId.format': { vi: 'Số CCCD gồm 12 chữ số.', en: 'A citizen ID has 12 digits.' },
  'phone.format': { vi: 'Số điện thoại không hợp lệ (ví dụ 0912345678).', en: 'Invalid phone number (e.g. 0912345678).' },
  'code.format': { vi: 'Mã chỉ gồm chữ, số, dấu chấm, gạch ngang.', en: 'Codes use letters, digits, dots and dashes only.' },
  'username.format': { vi: 'Tên đăng nhập chỉ gồm chữ, số, dấu chấm, gạch.', en: 'Usernames use letters, digits, dots and dashes only.' },
  'audit.scopeRequired': { vi: 'Cần chọn một bản ghi hoặc một đơn vị.', en: 'Choose a record or a unit.' },
  'field.required': { vi: 'Bắt buộc nhập.', en: 'Required.' },
  'field.invalid': { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
  'field.tooShort': { vi: 'Quá ngắn (tối thiểu {min}).', en: 'Too short (at least {min}).' },
  'field.tooLong': { vi: 'Quá dài (tối đa {max}).', en: 'Too long (at most {max}).' },
  'field.invalidDate': { vi: 'Ngày không hợp lệ.', en: 'Invalid date.' },
  'field.invalidEmail': { vi: 'Email không hợp lệ.', en: 'Invalid email.' },
  'field.invalidOption': { vi: 'Lựa chọn không hợp lệ.', en: 'Invalid choice.' },
  'field.tooSmall': { vi: 'Giá trị quá nhỏ (tối thiểu {min}).', en: 'Too small (at least {min}).' },
  'field.tooBig': { vi: 'Giá trị quá lớn (tối đa {max}).', en: 'Too big (at most {max}).' },
  'field.tooFew': { vi: 'Cần chọn ít nhất {min}.', en: 'Choose at least {min}.' },
  'field.tooMany': { vi: 'Chỉ được chọn tối đa {max}.', en: 'Choose at most {max}.' },
  'field.invalidTime': { vi: 'Thời điểm không hợp lệ.', en: 'Invalid date and time.' },
  'field.expectedList': { vi: 'Giá trị phải là một danh sách.', en: 'This must be a list.' },
  'field.expectedNumber': { vi: 'Giá trị phải là một số.', en: 'This must be a number.' },
  'field.expectedBoolean': { vi: 'Giá trị phải là có hoặc không.', en: 'This must be yes or no.' },
  'field.expectedObject': { vi: 'Giá trị phải là một nhóm thông tin.', en: 'This must be a group of fields.' },
};

/** Add a module's messages (each module registers its own codes). */
export function registerMessages(more: Record<string, { vi: string; en: string }>): void {
  Object.assign(messages, more);
}

export function hasMessage(key: string): boolean {
  return key in messages;
}

export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const entry = messages[key];
  const template = entry ? entry[locale] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'vi'): Locale {
  if (!acceptLanguage) return fallback;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('vi')) return 'vi';
  return fallback;
}
