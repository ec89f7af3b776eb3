// The platform's lists the forms and tables name things by: agencies, purposes, legal bases.
import { useMemo } from 'react';
import { useAnswer } from '../../../graphql/useAnswer.ts';

export interface Purpose {
  code: string;
  name: string;
  declarableBy: { agencies: string[] | null; roles: string[] };
}
export interface LegalBasis {
  code: string;
  title: string;
  document: string;
}
interface Lists {
  agencies: { code: string; name: string }[];
  purposes: Purpose[];
  legalBases: LegalBasis[];
}

const LISTS = `{ agencies { code name } purposes { code name declarableBy { agencies roles } } legalBases { code title document } }`;

export function useReferenceLists() {
  const answer = useAnswer<Lists>(LISTS);
  return useMemo(() => {
    const agencies = answer.data?.agencies ?? [];
    const purposes = answer.data?.purposes ?? [];
    const legalBases = answer.data?.legalBases ?? [];
    const names = new Map(agencies.map((agency) => [agency.code, agency.name]));
    const purposeNames = new Map(purposes.map((purpose) => [purpose.code, purpose.name]));
    const basisNames = new Map(legalBases.map((basis) => [basis.code, `${basis.title} (${basis.document})`]));
    return {
      agencies,
      purposes,
      legalBases,
      errors: answer.errors,
      agencyName: (code: string) => names.get(code) ?? code,
      purposeName: (code: string | null) => (code ? purposeNames.get(code) ?? code : ''),
      legalBasisName: (code: string) => basisNames.get(code) ?? code,
    };
  }, [answer.data, answer.errors]);
}
