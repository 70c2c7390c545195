import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMeetingBodySchema } from '../../shared/contracts/meetings';
import { createMemberBodySchema } from '../../shared/contracts/members';
import viCommon from '../locales/vi/common.json';
import enCommon from '../locales/en/common.json';
import { contractErrors } from './form-errors';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'vi',
    resources: { vi: { common: viCommon }, en: { common: enCommon } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});
const check = (schema: Parameters<typeof contractErrors>[0], value: unknown) =>
  contractErrors(schema, value, i18n.t, (k) => i18n.exists(k));

describe('the form checks the shared contract in the user’s words', () => {
  const meeting = {
    cellId: '5b0f3c52-8d5f-4c3e-9a51-2b7a9f8d1e01',
    title: 'Sinh hoạt chi bộ',
    place: 'Nhà văn hóa',
    startsAt: '2026-03-10T20:00:00+07:00',
    endsAt: '2026-03-10T19:00:00+07:00',
  };

  it('refuses an end before the start with the same message as the server', () => {
    expect(check(createMeetingBodySchema, meeting)).toEqual({ endsAt: 'Giờ kết thúc phải sau giờ bắt đầu.' });
  });

  it('explains a typed date that is no date, and a missing pick, by field', async () => {
    const errors = check(createMemberBodySchema, {
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      dateOfBirth: '31/02/1990',
      cardNumber: '12',
      cellId: null,
    });
    expect(errors).toEqual({
      dateOfBirth: 'Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026.',
      cardNumber: 'Số thẻ đảng gồm 6–12 chữ số.',
      cellId: 'Bắt buộc nhập.',
    });
    await i18n.changeLanguage('en');
    expect(check(createMeetingBodySchema, { ...meeting, title: 'ab' })).toEqual({
      title: 'Too short (at least 3 characters).',
      endsAt: 'The end must come after the start.',
    });
    await i18n.changeLanguage('vi');
  });
});
