import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, nb, type Messages } from './messages';

export type Language = 'nb' | 'en';

const STORAGE_KEY = 'kraft-cis.language';

const I18nContext = createContext<{ t: Messages; language: Language; setLanguage: (l: Language) => void } | null>(null);

/** Bokmål unless the user chose English (kept in this browser). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb'));
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ t: language === 'en' ? en : nb, language, setLanguage }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
