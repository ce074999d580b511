/** The pane's language: Thai by default (or as Office's display language says), switchable to English. */
import { createContext, useContext, type ReactNode } from 'react';
import { messageIn, type Message } from '../domain';
import { STRINGS, type Locale, type Strings } from './strings';

interface LocaleValue {
  readonly locale: Locale;
  readonly t: Strings;
  /** A domain or workbook message in the pane's language. */
  readonly m: (message: Message) => string;
}

const LocaleContext = createContext<LocaleValue>({ locale: 'th', t: STRINGS.th, m: (x) => x.th });

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }): JSX.Element {
  const value: LocaleValue = { locale, t: STRINGS[locale], m: (message) => messageIn(message, locale) };
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}
