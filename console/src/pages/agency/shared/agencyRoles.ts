// Who may open which page (the gateway and the policies decide what each may actually read or do).
export const CATALOGUE_READERS = ['officer', 'system', 'data-protection-officer', 'security-officer', 'platform-admin'];
export const CASEWORK_READERS = ['officer', 'data-protection-officer', 'security-officer', 'platform-admin'];
export const STATISTICS_READERS = ['officer', 'system', 'data-protection-officer', 'security-officer', 'platform-admin'];
