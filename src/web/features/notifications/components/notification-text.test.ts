import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { notificationKinds, type Notification } from '../../../../shared/contracts/notifications';
import enEnums from '../../../locales/en/enums.json';
import enNotifications from '../../../locales/en/notifications.json';
import viEnums from '../../../locales/vi/enums.json';
import viNotifications from '../../../locales/vi/notifications.json';
import { displayDate, notificationText } from './notification-text';

function note(kind: string, params: Notification['params']): Notification {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    kind,
    params,
    link: null,
    readAt: null,
    createdAt: '',
  };
}

const resources = {
  vi: { enums: viEnums, notifications: viNotifications },
  en: { enums: enEnums, notifications: enNotifications },
};

describe('notificationText (introductions)', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false } });

  it('translates the reject reason and the notice kind codes', () => {
    const rejected = notificationText(
      i18n.t,
      note('letter_rejected', {
        member: 'Nguyễn Văn An',
        commune: 'Phường Thành Vinh',
        reason: 'wrong_address',
      }),
    );
    expect(rejected.body).toBe(
      'Phường Thành Vinh trả lại giấy giới thiệu của đảng viên Nguyễn Văn An: Sai địa chỉ.',
    );
    const notice = notificationText(
      i18n.t,
      note('residence_notice', { member: 'A', kind: 'expelled', issuer: 'B' }),
    );
    expect(notice.body).toContain('Bị khai trừ');
  });

  it('shows an ISO date as dd/mm/yyyy', () => {
    const moved = notificationText(
      i18n.t,
      note('member_moved', { member: 'A', date: '2026-03-09', commune: 'C' }),
    );
    expect(moved.body).toContain('09/03/2026');
  });

  it('has words for every introductions kind in both languages', async () => {
    const kinds = Object.keys(viNotifications.kinds).filter((k) => k !== 'generic');
    for (const lng of ['vi', 'en']) {
      await i18n.changeLanguage(lng);
      for (const kind of kinds) {
        const text = notificationText(i18n.t, note(kind, { count: '2' }));
        expect(text.title, `${lng} ${kind}`).not.toBe(i18n.t('notifications:kinds.generic.title'));
      }
    }
  });
});

describe('notificationText (meetings)', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false } });

  it('invites with the date as dd/mm/yyyy HH:mm, even when the server sends it pre-formatted', () => {
    const invited = notificationText(
      i18n.t,
      note('meeting_invited', {
        title: 'Sinh hoạt 6 tháng cuối năm',
        cell: 'Chi bộ khối 5',
        date: '19:30 1/3/26',
        place: 'Nhà văn hóa',
      }),
    );
    expect(invited.body).toBe(
      'Chi bộ khối 5 mời đồng chí dự “Sinh hoạt 6 tháng cuối năm” lúc 01/03/2026 19:30 tại Nhà văn hóa. Hãy trả lời có tham dự hay không.',
    );
    expect(displayDate('01/03/2026 19:30')).toBe('01/03/2026 19:30');
  });

  it('keeps a cancellation reason as written and tells the workplace about absences', () => {
    const cancelled = notificationText(
      i18n.t,
      note('meeting_cancelled', { title: 'Họp', date: '2026-03-01T12:30:00.000Z', reason: 'wrong_address' }),
    );
    expect(cancelled.body).toContain('bị hủy: wrong_address.');
    const absences = notificationText(
      i18n.t,
      note('absences_reported', { member: 'Nguyễn Văn An', count: 2, cell: 'Chi bộ khối 5' }),
    );
    expect(absences.body).toBe(
      'Đồng chí Nguyễn Văn An vắng không lý do 2 buổi sinh hoạt liên tiếp tại Chi bộ khối 5 (Điều 4.4, Quy định 213).',
    );
  });

  it('has words for every meeting kind in both languages', async () => {
    const kinds = [
      'meeting_invited',
      'meeting_changed',
      'meeting_cancelled',
      'meeting_reminder',
      'absences_reported',
      'half_year_missed',
    ];
    for (const lng of ['vi', 'en']) {
      await i18n.changeLanguage(lng);
      for (const kind of kinds) {
        const text = notificationText(i18n.t, note(kind, { half: '2', year: '2026', held: '0', cell: 'C' }));
        expect(text.title, `${lng} ${kind}`).not.toBe(i18n.t('notifications:kinds.generic.title'));
      }
    }
  });
});

describe('notificationText (campaigns, warnings, topics)', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false } });

  it('names the form of a warning and shows its deadline as dd/mm/yyyy', () => {
    const issued = notificationText(
      i18n.t,
      note('warning_issued', { kind: 'reminder', cell: 'Chi bộ khối 5', deadline: '2026-04-30' }),
    );
    expect(issued.title).toBe('Chi bộ nơi cư trú gửi nhắc nhở');
    expect(issued.body).toBe(
      'Chi bộ khối 5 gửi nhắc nhở tới đồng chí, thời hạn khắc phục đến 30/04/2026. Đồng chí có thể xem và trả lời chi bộ.',
    );
  });

  it('tells the secretary who proposed a contribution to what', () => {
    const proposed = notificationText(
      i18n.t,
      note('contribution_proposed', { activity: 'x', title: 'Bê tông hóa ngõ 7', member: 'Trần Thị Bình' }),
    );
    expect(proposed.body).toBe(
      'Đồng chí Trần Thị Bình đề nghị ghi nhận phần đóng góp cho “Bê tông hóa ngõ 7”. Hãy xem và xác nhận.',
    );
  });

  it('shows the due day of a yearly comment request as dd/mm/yyyy', () => {
    const asked = notificationText(
      i18n.t,
      note('evaluation_requested_member', { year: 2026, due: '2026-12-15' }),
    );
    expect(asked.body).toContain('năm 2026 (hạn 15/12/2026)');
  });

  it('has words for every kind the server sends, in both languages', async () => {
    // the one list the server notifies from and the web has words for (src/shared/contracts/notifications.ts)
    const serverKinds = notificationKinds;
    for (const lng of ['vi', 'en']) {
      await i18n.changeLanguage(lng);
      for (const kind of serverKinds) {
        const text = notificationText(
          i18n.t,
          note(kind, { kind: 'warning', member: 'A', cell: 'C', title: 'T' }),
        );
        expect(text.title, `${lng} ${kind}`).not.toBe(i18n.t('notifications:kinds.generic.title'));
      }
    }
  });
});

describe('notificationText (a form awaits the Front head)', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false } });

  it('names the member and counts the forms that wait, addressing her as đồng chí', async () => {
    const one = notificationText(i18n.t, note('evaluation_awaiting_front_sign', { member: 'Nguyễn Văn An', year: 2026, count: 1 }));
    expect(one.title).toBe('Phiếu nhận xét chờ đồng chí ký');
    expect(one.body).toContain('Nguyễn Văn An');
    expect(one.body).not.toMatch(/\bbạn\b/i);
    const many = notificationText(i18n.t, note('evaluation_awaiting_front_sign', { member: 'Trần Thị Bình', year: 2026, count: '3' }));
    expect(many.body).toContain('3 phiếu');
    await i18n.changeLanguage('en');
    expect(notificationText(i18n.t, note('evaluation_awaiting_front_sign', { member: 'A', year: 2026, count: 1 })).body).toContain('The evaluation form of A');
    expect(notificationText(i18n.t, note('evaluation_awaiting_front_sign', { member: 'A', year: 2026, count: 3 })).body).toContain('3 evaluation forms');
  });
});
