import i18n, { type BackendModule } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from './api-client';
import { setDayjsLocale } from './dates';

// Bundled with the app: what the login page and the error states need before anything else.
import viCommon from '../locales/vi/common.json';
import viAuth from '../locales/vi/auth.json';
import enCommon from '../locales/en/common.json';
import enAuth from '../locales/en/auth.json';

export const supportedLocales = ['vi', 'en'] as const;
export type AppLocale = (typeof supportedLocales)[number];
export const LOCALE_STORAGE_KEY = 'residence-link.locale';

const bundled = {
  vi: { common: viCommon, auth: viAuth },
  en: { common: enCommon, auth: enAuth },
};

/**
 * Every other namespace comes in one chunk per language (see vite.config.ts), loaded by the routes past
 * the login page together with their code, so the login page does not download the words of pages it
 * never shows (issue 11: a phone on a slow network). A new `locales/<lng>/<ns>.json` is found here
 * without being listed.
 */
const lazyNamespaces = import.meta.glob<Record<string, unknown>>(
  ['../locales/*/*.json', '!../locales/*/common.json', '!../locales/*/auth.json'],
  { import: 'default' },
);
const namespaces = [
  ...new Set(Object.keys(lazyNamespaces).map((file) => /\/([^/]+)\.json$/.exec(file)![1]!)),
];

const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (lng, ns, done) => {
    const load = lazyNamespaces[`../locales/${lng}/${ns}.json`];
    if (!load) return done(null, {});
    load().then(
      (bundle) => done(null, bundle),
      (err: Error) => done(err, false),
    );
  },
};

/** Resolves once every namespace of the current language is there (the app routes wait for it). */
export function loadAllNamespaces(): Promise<void> {
  return i18n.loadNamespaces(namespaces);
}

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
  .use(lazyBackend)
  .init({
    resources: bundled,
    partialBundledLanguages: true,
    // Vietnamese first: it is the language of the users; English is for reviewers and partners.
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    defaultNS: 'common',
    ns: Object.keys(bundled.vi),
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
