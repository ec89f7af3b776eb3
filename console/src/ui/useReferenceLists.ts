// The platform's lists every area names things by: agencies, purposes (with who may declare each) and
// legal bases, by code, asked once per page, each named in the reader's language (text/<language>/
// catalogue.ts, falling back to the gateway's own words for a code the texts do not know yet).
import { useMemo } from 'react';
import { useAnswer } from '../graphql/useAnswer.ts';
import { NO_PURPOSE, type AskError } from '../graphql/ask.ts';
import { useText } from '../text/language.tsx';

export interface Purpose {
  code: string;
  name: string;
  declarableBy: { agencies: string[] | null; roles: string[] };
}
export interface LegalBasis {
  code: string;
  title: string;
  document: string;
  provision: string | null;
}

export interface ReferenceLists {
  agencies: { code: string; name: string }[];
  purposes: Purpose[];
  legalBases: LegalBasis[];
  errors: AskError[];
  agencyName: (code: string) => string;
  purposeName: (code: string | null) => string;
  /** The law a basis rests on, e.g. "Luật Hộ tịch số 60/2014/QH13 (Điều 4)": what a rule is "under". */
  legalBasisName: (code: string) => string;
  /** What a basis is, with its law: a choice in a form. */
  legalBasisTitle: (code: string) => string;
}

const LISTS = `query ReferenceLists {
  agencies { code name }
  purposes { code name declarableBy { agencies roles } }
  legalBases { code title document provision }
}`;

interface Lists {
  agencies: { code: string; name: string }[];
  purposes: Purpose[];
  legalBases: LegalBasis[];
}

export function useReferenceLists(): ReferenceLists {
  // No one's personal data: asked for no purpose, so no purpose the session declares can have it refused.
  const answer = useAnswer<Lists>(LISTS, {}, NO_PURPOSE);
  const { catalogue: said } = useText();
  return useMemo(() => {
    const agencies = (answer.data?.agencies ?? []).map((agency) => ({ ...agency, name: said.agencyNames[agency.code] ?? agency.name }));
    const purposes = (answer.data?.purposes ?? []).map((purpose) => ({ ...purpose, name: said.purposeNames[purpose.code] ?? purpose.name }));
    const legalBases = (answer.data?.legalBases ?? []).map((basis) => ({ ...basis, title: said.legalBasisTitles[basis.code] ?? basis.title }));
    const agencyNames = new Map(agencies.map((agency) => [agency.code, agency.name]));
    const purposeNames = new Map(purposes.map((purpose) => [purpose.code, purpose.name]));
    const bases = new Map(legalBases.map((basis) => [basis.code, basis]));
    return {
      agencies,
      purposes,
      legalBases,
      errors: answer.errors,
      agencyName: (code) => agencyNames.get(code) ?? code,
      purposeName: (code) => (code ? purposeNames.get(code) ?? code : ''),
      legalBasisName: (code) => {
        const basis = bases.get(code);
        return !basis ? code : basis.provision ? `${basis.document} (${basis.provision})` : basis.document;
      },
      legalBasisTitle: (code) => {
        const basis = bases.get(code);
        return basis ? `${basis.title} (${basis.document})` : code;
      },
    };
  }, [answer.data, answer.errors, said]);
}
