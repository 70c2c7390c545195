import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from './api-client';
import { setDayjsLocale } from './dates';

import viCommon from '../locales/vi/common.json';
import viEnums from '../locales/vi/enums.json';
import viAuth from '../locales/vi/auth.json';
import viOrg from '../locales/vi/org.json';
import viMembers from '../locales/vi/members.json';
import viImports from '../locales/vi/imports.json';
import viAccounts from '../locales/vi/accounts.json';
import viNotifications from '../locales/vi/notifications.json';
import viAudit from '../locales/vi/audit.json';
import viIntroductions from '../locales/vi/introductions.json';
import viMeetings from '../locales/vi/meetings.json';
import viCellLife from '../locales/vi/cellLife.json';
import viEvaluations from '../locales/vi/evaluations.json';
import viReports from '../locales/vi/reports.json';
import enCommon from '../locales/en/common.json';
import enEnums from '../locales/en/enums.json';
import enAuth from '../locales/en/auth.json';
import enOrg from '../locales/en/org.json';
import enMembers from '../locales/en/members.json';
import enImports from '../locales/en/imports.json';
import enAccounts from '../locales/en/accounts.json';
import enNotifications from '../locales/en/notifications.json';
import enAudit from '../locales/en/audit.json';
import enIntroductions from '../locales/en/introductions.json';
import enMeetings from '../locales/en/meetings.json';
import enCellLife from '../locales/en/cellLife.json';
import enEvaluations from '../locales/en/evaluations.json';
import enReports from '../locales/en/reports.json';

export const supportedLocales = ['vi', 'en'] as const;
export type AppLocale = (typeof supportedLocales)[number];
export const LOCALE_STORAGE_KEY = 'residence-link.locale';

export const resources = {
  vi: {
    common: viCommon,
    enums: viEnums,
    auth: viAuth,
    org: viOrg,
    members: viMembers,
    imports: viImports,
    accounts: viAccounts,
    notifications: viNotifications,
    audit: viAudit,
    introductions: viIntroductions,
    meetings: viMeetings,
    cellLife: viCellLife,
    evaluations: viEvaluations,
    reports: viReports,
  },
  en: {
    common: enCommon,
    enums: enEnums,
    auth: enAuth,
    org: enOrg,
    members: enMembers,
    imports: enImports,
    accounts: enAccounts,
    notifications: enNotifications,
    audit: enAudit,
    introductions: enIntroductions,
    meetings: enMeetings,
    cellLife: enCellLife,
    evaluations: enEvaluations,
    reports: enReports,
  },
} as const;

export function toAppLocale(lng: string | undefined): AppLocale {
  return lng?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

function applyLocale(lng: string) {
  const locale = toAppLocale(lng);
  setApiLocale(locale);
  setDayjsLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

i18n.on('languageChanged', applyLocale);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    // Vietnamese first: it is the language of the users; English is for reviewers and partners.
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    defaultNS: 'common',
    ns: Object.keys(resources.vi),
    interpolation: { escapeValue: false },
    missingInterpolationHandler: () => '',
    detection: {
      order: ['localStorage', 'navigator', 'htmlTag'],
      lookupLocalStorage: LOCALE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    returnNull: false,
  });

applyLocale(i18n.resolvedLanguage ?? i18n.language ?? 'vi');

export default i18n;
