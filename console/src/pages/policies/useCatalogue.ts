// The platform's catalogues the console names things by: agencies, purposes and legal bases, by code.
import { useMemo } from 'react';
import { useAnswer } from '../../graphql/useAnswer.ts';

export interface Catalogue {
  agencyName: (code: string) => string;
  purposeName: (code: string) => string;
  /** The legal document (and provision) a basis rests on, e.g. "Luật Hộ tịch số 60/2014/QH13". */
  legalBasisName: (code: string) => string;
  agencies: Array<{ code: string; name: string }>;
  purposes: Array<{ code: string; name: string }>;
}

const CATALOGUES = `query PolicyCatalogues { agencies { code name } purposes { code name } legalBases { code title document provision } }`;

interface CatalogueAnswer {
  agencies: Array<{ code: string; name: string }>;
  purposes: Array<{ code: string; name: string }>;
  legalBases: Array<{ code: string; title: string; document: string; provision: string | null }>;
}

export function useCatalogue(): Catalogue {
  const { data } = useAnswer<CatalogueAnswer>(CATALOGUES);
  return useMemo(() => {
    const agencies = new Map(data?.agencies.map((agency) => [agency.code, agency.name]));
    const purposes = new Map(data?.purposes.map((purpose) => [purpose.code, purpose.name]));
    const bases = new Map(data?.legalBases.map((basis) => [basis.code, basis.provision ? `${basis.document} (${basis.provision})` : basis.document]));
    return {
      agencyName: (code) => agencies.get(code) ?? code,
      purposeName: (code) => purposes.get(code) ?? code,
      legalBasisName: (code) => bases.get(code) ?? code,
      agencies: data?.agencies ?? [],
      purposes: data?.purposes ?? [],
    };
  }, [data]);
}
