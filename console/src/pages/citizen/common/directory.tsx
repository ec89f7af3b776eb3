// The platform's lists the citizen's pages name things by: agencies, purposes and legal bases, asked once
// for the whole area and said in the reader's language (the gateway's Vietnamese names, or the English
// texts by code, falling back to the gateway's own words for a code the texts do not know yet).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useLanguage } from '../../../text/language.tsx';
import { useSelfServiceAnswer } from './selfService.ts';

const DIRECTORY_QUERY = `query CitizenDirectory {
  agencies { code name }
  purposes { code name }
  legalBases { code title document }
}`;

interface DirectoryAnswer {
  agencies: { code: string; name: string }[];
  purposes: { code: string; name: string }[];
  legalBases: { code: string; title: string; document: string }[];
}

export interface Directory {
  agencies: { code: string; name: string }[];
  purposes: { code: string; name: string }[];
  agencyName: (code: string | null | undefined) => string;
  purposeName: (code: string | null | undefined) => string;
  /** A legal basis in words: what it is and the law it rests on. */
  legalBasisWords: (code: string | null | undefined) => string;
}

const DirectoryContext = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { texts, language } = useLanguage();
  const t = texts.citizen;
  const answer = useSelfServiceAnswer<DirectoryAnswer>(DIRECTORY_QUERY);
  const data = answer.data;
  const directory = useMemo<Directory>(() => {
    const agencyNames = new Map((data?.agencies ?? []).map(({ code, name }) => [code, name]));
    const purposeNames = new Map((data?.purposes ?? []).map(({ code, name }) => [code, name]));
    const bases = new Map((data?.legalBases ?? []).map((basis) => [basis.code, basis]));
    const agencyName = (code: string | null | undefined) => (code ? t.agencyNames[code] ?? agencyNames.get(code) ?? code : '');
    const purposeName = (code: string | null | undefined) => (code ? t.purposeNames[code] ?? purposeNames.get(code) ?? code : '');
    const legalBasisWords = (code: string | null | undefined) => {
      if (!code) return '';
      if (code.startsWith('consent:')) return t.accessLog.consentBasis;
      if (code.startsWith('subject-request:')) return t.accessLog.subjectRequestBasis;
      const basis = bases.get(code);
      const title = t.legalBases[code] ?? basis?.title ?? code;
      return basis ? `${title} (${basis.document})` : title;
    };
    return {
      agencies: (data?.agencies ?? []).map(({ code }) => ({ code, name: agencyName(code) })),
      purposes: (data?.purposes ?? []).map(({ code }) => ({ code, name: purposeName(code) })),
      agencyName,
      purposeName,
      legalBasisWords,
    };
    // language: the texts above are the language's.
  }, [data, t, language]);
  return <DirectoryContext.Provider value={directory}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const directory = useContext(DirectoryContext);
  if (!directory) throw new Error('useDirectory outside DirectoryProvider');
  return directory;
}
