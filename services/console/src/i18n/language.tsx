import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Language } from '../numbers/parse-number.js';
import { en, type MessageKey } from './en.js';
import { vi } from './vi.js';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

/** Fills `{name}` placeholders; a missing value stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => String(values[name] ?? whole));
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem('chitieu.language') === 'en' ? 'en' : 'vi',
  );
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem('chitieu.language', next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageState>(() => {
    const messages = language === 'en' ? en : vi;
    return { language, setLanguage, t: (key, values) => fill(messages[key], values) };
  }, [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}
