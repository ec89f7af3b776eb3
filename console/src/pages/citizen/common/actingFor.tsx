// Whom the signed-in citizen acts for on every page of the area: themself, or a minor child of theirs.
// Acting for a child, every request the pages make carries X-Child-Id, and the gateway checks with the
// population register that the citizen is that minor's parent; the page only remembers the choice while
// the citizen moves between pages.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

interface ActingForState {
  /** The child's personal id, or null when acting for oneself. */
  child: string | null;
  actFor: (child: string | null) => void;
}

const ActingForContext = createContext<ActingForState | null>(null);

export function ActingForProvider({ children }: { children: ReactNode }) {
  const [child, actFor] = useState<string | null>(null);
  const value = useMemo(() => ({ child, actFor }), [child]);
  return <ActingForContext.Provider value={value}>{children}</ActingForContext.Provider>;
}

export function useActingFor(): ActingForState {
  const state = useContext(ActingForContext);
  if (!state) throw new Error('useActingFor outside ActingForProvider');
  return state;
}
