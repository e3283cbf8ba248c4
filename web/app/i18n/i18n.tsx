// Language of the interface: Vietnamese by default, English on request, remembered in localStorage.
// Vietnamese is bundled with the app; English is fetched (its own chunk) the first time it is needed,
// so that the default first load does not carry a dictionary it does not show.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { vi, type Messages } from './vi.ts';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const LOADERS: Record<Lang, () => Promise<Messages>> = {
  vi: () => Promise.resolve(vi),
  en: () => import('./en.ts').then((m) => m.en),
};
export const LANG_STORAGE_KEY = 'motcua.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The stored choice, or Vietnamese. Never throws (storage may be disabled). */
export function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage blocked: fall back to the default.
  }
  return 'vi';
}

/** The dictionary of a language; Vietnamese when another cannot be fetched (offline). */
export async function loadMessages(lang: Lang): Promise<{ lang: Lang; messages: Messages }> {
  try {
    return { lang, messages: await LOADERS[lang]() };
  } catch {
    return { lang: 'vi', messages: vi };
  }
}

type I18n = { lang: Lang; t: Messages; setLang: (lang: Lang) => void };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  initial,
  messages,
  children,
}: {
  initial: Lang;
  messages: Messages;
  children: ReactNode;
}) {
  const [current, setCurrent] = useState({ lang: initial, messages });

  useEffect(() => {
    // Only on a change: setting it, even to the same value, restyles the whole page.
    if (document.documentElement.lang !== current.lang) document.documentElement.lang = current.lang;
  }, [current.lang]);

  const setLang = useCallback((next: Lang) => {
    void loadMessages(next).then((loaded) => {
      // Not switched when the dictionary could not be fetched: the interface stays as it was.
      if (loaded.lang !== next) return;
      setCurrent(loaded);
      try {
        window.localStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // Not remembered, but still switched for this visit.
      }
    });
  }, []);

  const value = useMemo(() => ({ lang: current.lang, t: current.messages, setLang }), [current, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
