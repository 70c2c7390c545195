/** Login protection, second factor, password reset and sessions (issue 12): codes and mails, vi + en. */
export const authMessages: Record<string, { vi: string; en: string }> = {
  login_throttled: {
    vi: 'Đăng nhập sai nhiều lần. Đồng chí hãy thử lại sau {seconds} giây.',
    en: 'Too many failed logins. Try again in {seconds} seconds.',
  },
  second_factor_required: {
    vi: 'Đồng chí cần xác thực hai lớp (mã từ ứng dụng xác thực) trước khi tiếp tục.',
    en: 'Two-factor authentication (a code from your authenticator app) is needed before you continue.',
  },
  password_change_required: {
    vi: 'Đồng chí cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You need to change your password before you continue.',
  },
  invalid_second_factor: {
    vi: 'Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới nhất trong ứng dụng, hoặc một mã dự phòng chưa dùng.',
    en: 'The code is wrong or has expired. Enter the latest code from the app, or an unused recovery code.',
  },
  totp_already_enabled: {
    vi: 'Tài khoản đã bật xác thực hai lớp.',
    en: 'Two-factor authentication is already on for this account.',
  },
  totp_setup_missing: {
    vi: 'Hãy bắt đầu lại bước thiết lập để nhận mã QR mới.',
    en: 'Start the setup again to get a new QR code.',
  },
  totp_not_enabled: {
    vi: 'Tài khoản chưa bật xác thực hai lớp.',
    en: 'Two-factor authentication is not on for this account.',
  },
  reset_link_invalid: {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn. Hãy yêu cầu liên kết mới.',
    en: 'This password-reset link is not valid, was used already or has expired. Ask for a new one.',
  },
  'mail.password_reset.subject': {
    vi: 'Residence Link: đặt lại mật khẩu',
    en: 'Residence Link: reset your password',
  },
  'mail.password_reset.body': {
    vi: 'Kính gửi đồng chí {name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản của đồng chí. Mở liên kết sau trong {minutes} phút để chọn mật khẩu mới (liên kết chỉ dùng được một lần):\n\n{link}\n\nNếu đồng chí không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
    en: 'Dear {name},\n\nSomeone asked to reset the password of your account. Open this link within {minutes} minutes to choose a new password (it works once):\n\n{link}\n\nIf it was not you, ignore this mail; your password stays as it is.',
  },
};
