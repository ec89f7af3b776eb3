// The agency subgraphs of the province: the single list every script, the gateway and the tests read.
// Agency codes follow the provincial departments after the 1 July 2025 reorganisation.

export interface SubgraphService {
  /** Service name: folder under subgraphs/, name in the supergraph, audience of its internal token. */
  name: string;
  /** Agency that owns the data (agency code from the platform's agency directory). */
  ownerAgency: string;
  /** What a person calls it, used in error messages when the service is unavailable. */
  title: string;
  defaultPort: number;
  /**
   * Its policies have rules on the data subjects' own bases (`consent_purposes`, `on_subject_request`)
   * or on connection agreements (`requires_connection`), so its calls carry the token for the platform's
   * consent registry, which also answers for connections; no other service gets that token.
   * The policy check refuses such a rule in a service without it (shared/policy/compilePolicies.ts) and
   * a test holds it to policies/ (test/policies/subjectBasisLookups.test.ts).
   */
  looksUpSubjectBases: boolean;
}

export const SUBGRAPH_SERVICES: readonly SubgraphService[] = [
  { name: 'population', ownerAgency: 'cong-an-tinh', title: 'population register (Công an tỉnh)', defaultPort: 4001, looksUpSubjectBases: true },
  { name: 'civil-status', ownerAgency: 'so-tu-phap', title: 'civil-status register (Sở Tư pháp)', defaultPort: 4002, looksUpSubjectBases: true },
  { name: 'business', ownerAgency: 'so-tai-chinh', title: 'business register (Sở Tài chính)', defaultPort: 4003, looksUpSubjectBases: true },
  { name: 'land', ownerAgency: 'so-nong-nghiep-moi-truong', title: 'land register (Sở Nông nghiệp và Môi trường)', defaultPort: 4004, looksUpSubjectBases: true },
  { name: 'social', ownerAgency: 'so-y-te', title: 'social-protection register (Sở Y tế)', defaultPort: 4005, looksUpSubjectBases: true },
  { name: 'platform', ownerAgency: 'so-khoa-hoc-cong-nghe', title: 'provincial platform (Sở Khoa học và Công nghệ)', defaultPort: 4006, looksUpSubjectBases: false },
];

export function findService(name: string): SubgraphService | undefined {
  return SUBGRAPH_SERVICES.find((service) => service.name === name);
}

/** `civil-status` -> `CIVIL_STATUS`, the prefix of that service's environment variables. */
export function envPrefix(serviceName: string): string {
  return serviceName.toUpperCase().replace(/-/g, '_');
}
