// The language of the pages: Vietnamese by default, English by the switch in the header; the choice is
// kept in this browser (localStorage) and set on <html lang> for screen readers.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en/index.ts';
import { vi, type Texts } from './vi/index.ts';

export type Language = 'vi' | 'en';
const TEXTS: Record<Language, Texts> = { vi, en };
const STORAGE_KEY = 'console.language';

interface LanguageState {
  language: Language;
  texts: Texts;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  }, [language]);
  const value = useMemo(() => ({ language, texts: TEXTS[language], setLanguage }), [language]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** The texts of the current language: `const t = useText(); t.common.signIn`. */
export function useText(): Texts {
  return useLanguage().texts;
}
