// How a subgraph asks the platform for the caller agency's connections: the route, answered to the same
// narrow token as the consent registry's (shared/consent/consentRoutes.ts), for that token's agency and purpose.
export const CONNECTION_LOOKUP_PATH = '/internal/connections';

/** One connection as the registry answers it: in force, or suspended with the owner's reason. */
export interface ConnectionGrant {
  id: string;
  fieldGroups: string[];
  state: 'approved' | 'suspended';
  /** The reason given for the suspension; null for a connection in force. */
  reason: string | null;
}
