// The platform's lists as the citizen's pages name things, asked once for the whole area: the reference
// lists in the reader's language, and a consent or a request of the citizen's own said as such.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useText } from '../../../text/language.tsx';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';

export interface Directory {
  agencies: { code: string; name: string }[];
  purposes: { code: string; name: string }[];
  agencyName: (code: string | null | undefined) => string;
  purposeName: (code: string | null | undefined) => string;
  /** A legal basis in words: what it is and the law it rests on; a consent or request as the citizen's own. */
  legalBasisWords: (code: string | null | undefined) => string;
}

const DirectoryContext = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const t = useText().citizen;
  const lists = useReferenceLists();
  const directory = useMemo<Directory>(() => ({
    agencies: lists.agencies,
    purposes: lists.purposes,
    agencyName: (code) => (code ? lists.agencyName(code) : ''),
    purposeName: (code) => lists.purposeName(code ?? null),
    legalBasisWords: (code) => {
      if (!code) return '';
      if (code.startsWith('consent:')) return t.accessLog.consentBasis;
      if (code.startsWith('subject-request:')) return t.accessLog.subjectRequestBasis;
      return lists.legalBasisTitle(code);
    },
  }), [lists, t]);
  return <DirectoryContext.Provider value={directory}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const directory = useContext(DirectoryContext);
  if (!directory) throw new Error('useDirectory outside DirectoryProvider');
  return directory;
}
