// Whom the signed-in citizen acts for on every page of the area: themself, or a minor child of theirs.
// Acting for a child, every request the pages make carries X-Child-Id, and the gateway checks with the
// population register that the citizen is that minor's parent; the page only remembers the choice while
// the citizen moves between pages. The children are asked for once for the area, not on every page:
// each child's name is a read of that child's record, in the child's log.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useMinorChildren, type MinorChild } from './useMinorChildren.ts';

interface ActingForState {
  /** The child's personal id, or null when acting for oneself. */
  child: string | null;
  actFor: (child: string | null) => void;
  /** The citizen's minor children, named (none for anyone who is not a parent). */
  minorChildren: MinorChild[];
}

const ActingForContext = createContext<ActingForState | null>(null);

export function ActingForProvider({ children }: { children: ReactNode }) {
  const [child, actFor] = useState<string | null>(null);
  const minorChildren = useMinorChildren();
  const value = useMemo(() => ({ child, actFor, minorChildren }), [child, minorChildren]);
  return <ActingForContext.Provider value={value}>{children}</ActingForContext.Provider>;
}

export function useActingFor(): ActingForState {
  const state = useContext(ActingForContext);
  if (!state) throw new Error('useActingFor outside ActingForProvider');
  return state;
}
