import type { signIn as vi } from '../vi/signIn.ts';

export const signIn: typeof vi = {
  title: 'Sign in',
  devIntro:
    'Development: choose a role, an agency and an account to get a development token (valid one hour), as npm run token does.',
  productionIntro:
    "Paste a bearer token issued by the province's sign-in system. It is kept only in this browser session.",
  role: 'Role',
  agency: 'Agency',
  noAgency: '(no agency)',
  subject: "Personal id (citizen) or account (officer)",
  subjectHint: 'Citizen: 12 digits. Officer: leave empty for the default account.',
  demoCitizens: 'Demo citizens',
  purpose: 'Default purpose (X-Purpose)',
  noPurpose: '(none declared)',
  caseId: 'Default case id (X-Case-Id)',
  token: 'Token',
  submit: 'Sign in',
  signedIn: 'Signed in.',
  invalidToken: 'The token cannot be read (not a JWT).',
  problems: {
    ROLE_REQUIRED: 'Choose a role.',
    UNKNOWN_ROLE: 'The platform has no such role.',
    AGENCY_REQUIRED: 'Officers, systems, data-protection officers and publishers belong to an agency.',
    CITIZEN_ID_REQUIRED: 'A citizen signs in with their personal id of exactly 12 digits.',
    BAD_LIFETIME: "The token's lifetime must be from 1 to 86400 seconds.",
  },
};
