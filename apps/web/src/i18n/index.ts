import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import mn from './mn.json';

export const LANGUAGES = ['mn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'cascade.lang';

function remembered(): Language {
  const value = localStorage.getItem(KEY);
  return value === 'en' ? 'en' : 'mn';
}

void i18n.use(initReactI18next).init({
  resources: { mn: { translation: mn }, en: { translation: en } },
  lng: remembered(),
  fallbackLng: 'mn',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** Switches the language and remembers it for the next visit. */
export function setLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
