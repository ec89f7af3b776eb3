// Who is signed in: the bearer token (kept in sessionStorage, never in a URL, gone when the tab closes),
// the claims read from it for the pages to show and choose by (the gateway verifies it on every request),
// and the purpose and case id declared by default with each request.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Session {
  token: string;
  roles: string[];
  agency: string | null;
  sub: string | null;
  /** Seconds since the epoch. */
  expiresAt: number | null;
  purpose: string | null;
  caseId: string | null;
}

const STORAGE_KEY = 'console.session';

/** The token's claims, unverified: only for what the pages show. Null when it is not a JWT. */
export function claimsOf(token: string): { roles: string[]; agency: string | null; sub: string | null; expiresAt: number | null } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = decodeURIComponent(
      Array.from(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const claims = JSON.parse(json) as { roles?: unknown; agency?: unknown; sub?: unknown; exp?: unknown };
    return {
      roles: Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [],
      agency: typeof claims.agency === 'string' ? claims.agency : null,
      sub: typeof claims.sub === 'string' ? claims.sub : null,
      expiresAt: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}

function storedSession(): Session | null {
  const text = sessionStorage.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    const session = JSON.parse(text) as Session;
    if (session.expiresAt !== null && session.expiresAt * 1000 < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

interface SessionState {
  session: Session | null;
  signIn: (token: string, defaults: { purpose: string | null; caseId: string | null }) => Session | null;
  signOut: () => void;
  /** Changes the purpose or case id declared by default. */
  declare: (defaults: { purpose: string | null; caseId: string | null }) => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const keep = useCallback((next: Session | null) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    setSession(next);
  }, []);
  const signIn = useCallback<SessionState['signIn']>(
    (token, defaults) => {
      const claims = claimsOf(token);
      if (!claims) return null;
      const next = { token, ...claims, ...defaults };
      keep(next);
      return next;
    },
    [keep],
  );
  const signOut = useCallback(() => keep(null), [keep]);
  const declare = useCallback<SessionState['declare']>((defaults) => setSession((current) => {
    if (!current) return current;
    const next = { ...current, ...defaults };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    return next;
  }), []);
  const value = useMemo(() => ({ session, signIn, signOut, declare }), [session, signIn, signOut, declare]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

export const hasRole = (session: Session | null, ...roles: string[]): boolean =>
  !!session && session.roles.some((role) => roles.includes(role));
