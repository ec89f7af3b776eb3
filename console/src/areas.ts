// The console's areas: where each lives and who sees it in the navigation (the gateway and the policies
// decide what each may actually do; hiding a link is only for a tidy page).
import { hasRole, type Session } from './session/session.tsx';

export interface Area {
  key: 'policies' | 'citizen' | 'agency' | 'openData';
  path: string;
  visibleTo: (session: Session | null) => boolean;
}

export const AREAS: Area[] = [
  { key: 'openData', path: '/open-data', visibleTo: () => true },
  { key: 'citizen', path: '/me', visibleTo: (session) => hasRole(session, 'citizen') },
  { key: 'agency', path: '/agency', visibleTo: (session) => hasRole(session, 'officer', 'system', 'data-protection-officer', 'publisher', 'security-officer', 'platform-admin') },
  { key: 'policies', path: '/policies', visibleTo: (session) => hasRole(session, 'security-officer') },
];
