/**
 * Who is signed in, in which municipality they are working, and what the
 * server's configuration is. One provider for the whole app.
 *
 * The active municipality is a per-device preference (localStorage), by
 * default the first membership. Roles always come from the membership in
 * the active municipality: an admin in Dordrecht is a resident in Gorinchem.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, Role } from '../../shared/roles';
import { isApiError, setUnauthenticatedHandler } from '../api/client';
import * as api from '../api/endpoints';
import type { AppConfig, Membership, Session } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { readStored, writeStored } from '../lib/storage';

const MUNICIPALITY_KEY = 'samenspel.municipality';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; session: Session };

export interface SessionContextValue {
  state: SessionState;
  /** Null until /api/config has answered. */
  config: AppConfig | null;
  session: Session | null;
  /** Membership in the active municipality; null when signed out or without memberships. */
  membership: Membership | null;
  roles: Role[];
  hasRole: (role: Role) => boolean;
  /** Throws ApiError (invalid_credentials, too_many_attempts, validation_failed, ...). */
  signIn: (email: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
  selectMunicipality: (code: string) => void;
  /** Changes the language here and, when signed in, on the account (for e-mails). */
  changeLocale: (locale: Locale) => void;
  /** Reloads the session, e.g. after the person changed their own name. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale, chosenOnDevice } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [municipalityCode, setMunicipalityCode] = useState<string | null>(() => readStored(MUNICIPALITY_KEY));

  /**
   * A language chosen on this device wins and is saved on the account;
   * otherwise the account's language is used. So choosing "English" on the
   * sign-in page keeps English after signing in.
   */
  const syncLocale = useCallback(
    (session: Session) => {
      if (session.account.locale === locale) return;
      if (chosenOnDevice) void api.updateAccount({ locale }).catch(() => undefined);
      else setLocale(session.account.locale);
    },
    [locale, chosenOnDevice, setLocale],
  );

  useEffect(() => {
    let cancelled = false;
    api
      .getConfig()
      .then((value) => !cancelled && setConfig(value))
      // Without config the app still works; only demo extras stay hidden.
      .catch(() => !cancelled && setConfig({ demoMode: false, version: '' }));
    api
      .getSession()
      .then((session) => {
        if (cancelled) return;
        setState({ status: 'signedIn', session });
        syncLocale(session);
      })
      .catch(() => !cancelled && setState({ status: 'signedOut', expired: false }));
    return () => {
      cancelled = true;
    };
    // Runs once at start: a later language change must not reload the session.
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'signedOut', expired: true }));
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await api.signIn(email, password);
      setState({ status: 'signedIn', session });
      syncLocale(session);
      return session;
    },
    [syncLocale],
  );

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      // Already signed out on the server: the goal is reached anyway.
      if (!isApiError(error) || error.code !== 'unauthenticated') throw error;
    }
    setState({ status: 'signedOut', expired: false });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const session = await api.getSession();
      setState({ status: 'signedIn', session });
    } catch {
      setState({ status: 'signedOut', expired: true });
    }
  }, []);

  const selectMunicipality = useCallback((code: string) => {
    writeStored(MUNICIPALITY_KEY, code);
    setMunicipalityCode(code);
  }, []);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (state.status === 'signedIn') void api.updateAccount({ locale: next }).catch(() => undefined);
    },
    [setLocale, state.status],
  );

  const value = useMemo<SessionContextValue>(() => {
    const session = state.status === 'signedIn' ? state.session : null;
    const memberships = session?.memberships ?? [];
    const membership = memberships.find((m) => m.municipality.code === municipalityCode) ?? memberships[0] ?? null;
    const roles = [...new Set(membership?.roles.map((r) => r.role) ?? [])];
    return {
      state,
      config,
      session,
      membership,
      roles,
      hasRole: (role) => roles.includes(role),
      signIn,
      signOut,
      selectMunicipality,
      changeLocale,
      refresh,
    };
  }, [state, config, municipalityCode, signIn, signOut, selectMunicipality, changeLocale, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
