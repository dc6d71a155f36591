import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { signInEn } from './signIn.en.ts';
import { signInFr } from './signIn.fr.ts';

export type Locale = 'fr' | 'en';
const STORAGE_KEY = 'openpbf.locale';

/** French by default (the programmes we serve work in French), English on request. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/**
 * Starts with the first screen's messages only, in both languages: the whole catalogue of one
 * language weighs more than the sign-in page's own code, and a clerk's link is slow
 * (docs/performance.md). The screens behind it wait for `loadMessages`.
 */
export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: initialLocale(),
    fallbackLng: 'en',
    resources: { en: { translation: signInEn }, fr: { translation: signInFr } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

const CATALOGUES: Record<Locale, () => Promise<Readonly<Record<string, string>>>> = {
  en: () => import('./en.ts').then((module) => module.en),
  fr: () => import('./fr.ts').then((module) => module.fr),
};
const loading = new Map<Locale, Promise<void>>();

/** Every message of a language (the current one by default), fetched once; a failed fetch is tried again next time. */
export function loadMessages(locale: Locale = i18next.language === 'en' ? 'en' : 'fr'): Promise<void> {
  let loaded = loading.get(locale);
  if (!loaded) {
    loaded = CATALOGUES[locale]().then((messages) => void i18next.addResourceBundle(locale, 'translation', messages, true, true));
    loaded.catch(() => loading.delete(locale));
    loading.set(locale, loaded);
  }
  return loaded;
}

export async function switchLocale(locale: Locale): Promise<void> {
  await loadMessages(locale);
  localStorage.setItem(STORAGE_KEY, locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
