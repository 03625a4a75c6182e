/**
 * Status messages ("Uw gegevens zijn opgeslagen.") in one polite live
 * region, so screen readers announce them without moving focus.
 *
 * A message belongs to the page it was posted on: posting right after
 * `navigate()` shows it on the new page, and it disappears when the person
 * goes to another page.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from '../router';

export type StatusKind = 'ok' | 'info' | 'error';

interface StatusMessage {
  text: string;
  kind: StatusKind;
  pathname: string;
  /** Changes on every post, so the same text twice is announced twice. */
  id: number;
}

interface StatusContextValue {
  message: StatusMessage | null;
  announce: (text: string, kind?: StatusKind) => void;
}

const StatusContext = createContext<StatusContextValue | null>(null);
let nextId = 1;

export function StatusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [message, setMessage] = useState<StatusMessage | null>(null);

  const announce = useCallback((text: string, kind: StatusKind = 'ok') => {
    setMessage({ text, kind, pathname: window.location.pathname, id: nextId++ });
  }, []);

  useEffect(() => {
    setMessage((current) => (current && current.pathname !== pathname ? null : current));
  }, [pathname]);

  return <StatusContext.Provider value={{ message, announce }}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusContextValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useStatus must be used inside <StatusProvider>');
  return value;
}

/** The function pages call after a successful action. */
export function useAnnounce(): StatusContextValue['announce'] {
  return useStatus().announce;
}
