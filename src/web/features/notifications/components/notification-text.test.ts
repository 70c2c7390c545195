import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../../shared/contracts/notifications';
import enEnums from '../../../locales/en/enums.json';
import enNotifications from '../../../locales/en/notifications.json';
import viEnums from '../../../locales/vi/enums.json';
import viNotifications from '../../../locales/vi/notifications.json';
import { notificationText } from './notification-text';

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
