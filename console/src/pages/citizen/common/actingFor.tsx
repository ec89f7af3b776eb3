// Whom the signed-in citizen acts for on the pages that allow it (consents, data requests): themself, or
// a minor child of theirs. The platform checks the parenthood with the population register on every
// grant or request; the page only remembers the choice while the citizen moves between pages.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export const PERSONAL_ID = /^\d{12}$/;

interface ActingForState {
  /** The child's personal id, or null when acting for oneself. */
  child: string | null;
  /** Acting for a child not yet named by a valid personal id: nothing may be done or listed for anyone. */
  pending: boolean;
  actFor: (choice: { child: string | null; pending: boolean }) => void;
}

const ActingForContext = createContext<ActingForState | null>(null);

export function ActingForProvider({ children }: { children: ReactNode }) {
  const [choice, actFor] = useState<{ child: string | null; pending: boolean }>({ child: null, pending: false });
  const value = useMemo(() => ({ ...choice, actFor }), [choice]);
  return <ActingForContext.Provider value={value}>{children}</ActingForContext.Provider>;
}

export function useActingFor(): ActingForState {
  const state = useContext(ActingForContext);
  if (!state) throw new Error('useActingFor outside ActingForProvider');
  return state;
}
