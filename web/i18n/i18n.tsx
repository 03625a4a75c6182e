/**
 * Language of the interface: Dutch first, English second.
 *
 * `t(key, params)` looks a message up in the active catalogue and fills in
 * `{placeholders}`. Codes that come from the server (audit actions,
 * purposes) go through `tCode`, which falls back to the raw code so that a
 * new server code never breaks a page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../shared/roles';
import { en } from './en';
import { nl, type Catalogue, type MessageKey } from './nl';
import { readStored, writeStored } from '../lib/storage';

const CATALOGUES: Record<Locale, Catalogue> = { nl, en };
const STORAGE_KEY = 'samenspel.locale';
/** BCP 47 tags for number and date formatting. */
const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Message for a server code, e.g. `tCode('action', 'person.read')`; the raw code when unknown. */
  tCode: (prefix: string, code: string) => string;
  /** Is there a message for this key? For keys built at run time. */
  has: (key: string) => key is MessageKey;
  /** Changes the language on this device; see `useChangeLocale` to also save it on the account. */
  setLocale: (locale: Locale) => void;
  /** Did the person choose a language on this device (rather than getting the default)? */
  chosenOnDevice: boolean;
  formatDateTime: (iso: string) => string;
  formatDate: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const stored = readStored(STORAGE_KEY);
  const [locale, setLocaleState] = useState<Locale>(isLocale(stored) ? stored : DEFAULT_LOCALE);
  const [chosenOnDevice, setChosenOnDevice] = useState(isLocale(stored));

  // Screen readers pick their voice from <html lang>, so it follows the choice.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    writeStored(STORAGE_KEY, next);
    setChosenOnDevice(true);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[locale];
    const has = (key: string): key is MessageKey => Object.hasOwn(catalogue, key);
    const dateTime = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long' });
    const safeFormat = (format: Intl.DateTimeFormat, iso: string) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
    };
    return {
      locale,
      t: (key, params) => interpolate(catalogue[key], params),
      tCode: (prefix, code) => {
        const key = `${prefix}.${code}`;
        return has(key) ? catalogue[key] : code;
      },
      has,
      setLocale,
      chosenOnDevice,
      formatDateTime: (iso) => safeFormat(dateTime, iso),
      formatDate: (iso) => safeFormat(date, iso),
    };
  }, [locale, setLocale, chosenOnDevice]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
