/** Server messages of the `Idempotency-Key` header, Vietnamese first. */
export const idempotencyMessages: Record<string, { vi: string; en: string }> = {
  idempotency_key_reused: {
    vi: 'Khóa gửi lại (Idempotency-Key) này đã được dùng cho một yêu cầu khác. Đồng chí hãy gửi lại với khóa mới.',
    en: 'This Idempotency-Key was already used for a different request. Send it again with a new key.',
  },
  idempotency_key_in_progress: {
    vi: 'Yêu cầu trước với cùng khóa gửi lại vẫn đang được xử lý. Đồng chí vui lòng thử lại sau ít phút.',
    en: 'The earlier request with the same Idempotency-Key is still being processed. Try again in a few minutes.',
  },
  idempotency_key_invalid: {
    vi: 'Khóa gửi lại (Idempotency-Key) không hợp lệ: cần 1–200 ký tự ASCII, không có khoảng trắng.',
    en: 'Invalid Idempotency-Key: it must be 1–200 ASCII characters without spaces.',
  },
};
