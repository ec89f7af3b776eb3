// One field, one caller, one row: who is let through and, when no rule applies, the reason they are told.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import type { CompiledField, CompiledRule } from './compilePolicies.ts';
import type { Classification } from './PolicyDocument.ts';
import { consentRulesAwaiting, decideAccess, subjectRequestRulesAwaiting } from './decideAccess.ts';
import { NO_CONNECTIONS, type HeldConnections } from './HeldConnections.ts';

const MINH = '033094279365';
const LAN = '079095101529';

function rule(id: string, conditions: Partial<Omit<CompiledRule, 'id'>> = {}): CompiledRule {
  return { id, roles: null, agencies: null, purposes: null, legalBasis: 'owner', ownRecord: false, consentPurposes: null, onSubjectRequest: false, requiresConnection: false, ...conditions };
}

function field(level: Classification, rules: CompiledRule[]): CompiledField {
  return {
    policy: 'population.citizen',
    owner: 'cong-an-tinh',
    type: 'Citizen',
    field: 'fullName',
    group: 'identity',
    level,
    rules,
    dataDependent: rules.some((one) => one.ownRecord || one.consentPurposes !== null || one.onSubjectRequest),
    subjectFields: ['id'],
    subjectFromEnclosingRecord: false,
    disabled: null,
  };
}

function caller(who: Partial<Principal>): Principal {
  return { subject: null, agency: null, roles: [], purpose: null, caseId: null, requestId: 'request-1', ...who };
}

const justiceOfficer = caller({ subject: 'tp-01', agency: 'so-tu-phap', roles: ['officer'], purpose: 'civil-status-procedure' });
const financeOfficer = caller({ subject: 'tc-01', agency: 'so-tai-chinh', roles: ['officer'], purpose: 'public-service-delivery' });
const minh = caller({ subject: MINH, roles: ['citizen'] });

/** The row is about Minh. */
const aboutMinh = () => [MINH];

const justiceRule = rule('justice-registers-civil-status', {
  roles: new Set(['officer', 'system']),
  agencies: new Set(['so-tu-phap']),
  purposes: new Set(['civil-status-procedure']),
  legalBasis: 'civil-status-law-2014',
});
const ownRecordRule = rule('citizens-read-their-own-record', { roles: new Set(['citizen']), ownRecord: true, legalBasis: 'own-record' });
const consentRule = rule('agencies-fill-in-a-dossier-with-consent', {
  roles: new Set(['officer']),
  agencies: new Set(['so-tai-chinh', 'so-noi-vu']),
  purposes: new Set(['public-service-delivery']),
  consentPurposes: new Set(['public-service-delivery']),
  legalBasis: 'pdpl-2025-consent',
});
const subjectRequestRule = rule('agencies-receive-what-the-citizen-asked-for', {
  roles: new Set(['officer']),
  onSubjectRequest: true,
  legalBasis: 'pdpl-2025-subject-request',
});

const allowed = (rule: string, legalBasis: string) => ({ allowed: true, policy: 'population.citizen', rule, legalBasis });
const refused = (rule: string | null, reason: string) => ({ allowed: false, policy: 'population.citizen', rule, reason });

describe('deciding one field for one caller', () => {
  describe('by role', () => {
    it('lets a justice officer read a field the rule gives to officers', () => {
      expect(decideAccess(field('personal', [justiceRule]), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('justice-registers-civil-status', 'civil-status-law-2014'));
    });

    it('refuses a security officer of the same agency a field the rule gives only to officers and systems', () => {
      const securityOfficer = { ...justiceOfficer, roles: ['security-officer' as const] };
      expect(decideAccess(field('personal', [justiceRule]), securityOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('justice-registers-civil-status', 'ROLE_NOT_ALLOWED'));
    });

    it('lets any signed-in person read a public field whose rule names no role', () => {
      expect(decideAccess(field('public', [rule('everyone-signed-in')]), minh, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('everyone-signed-in', 'owner'));
    });

    it('lets a caller without a token read a public field whose rule is open to anyone', () => {
      expect(decideAccess(field('public', [rule('open-data', { anyone: true })]), caller({}), aboutMinh, NO_CONNECTIONS)).toEqual(allowed('open-data', 'owner'));
      expect(decideAccess(field('public', [rule('open-data', { anyone: true })]), minh, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('open-data', 'owner'));
    });

    it('refuses a caller without a token even a public field whose rule names no role', () => {
      expect(decideAccess(field('public', [rule('everyone-signed-in')]), caller({}), aboutMinh, NO_CONNECTIONS)).toEqual(refused('everyone-signed-in', 'ROLE_NOT_ALLOWED'));
    });
  });

  describe('by agency', () => {
    it('lets an officer of an agency the rule names read the field', () => {
      expect(decideAccess(field('personal', [justiceRule]), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toMatchObject({ allowed: true });
    });

    it('refuses an officer of another agency, with the same role and purpose', () => {
      const taxOfficer = { ...justiceOfficer, agency: 'thue-tinh' };
      expect(decideAccess(field('personal', [justiceRule]), taxOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('justice-registers-civil-status', 'AGENCY_NOT_ALLOWED'));
    });

    it('refuses a citizen, who belongs to no agency, a field the rule gives to named agencies', () => {
      const anyRole = rule('justice-any-role', { agencies: new Set(['so-tu-phap']) });
      expect(decideAccess(field('public', [anyRole]), minh, aboutMinh, NO_CONNECTIONS)).toEqual(refused('justice-any-role', 'AGENCY_NOT_ALLOWED'));
    });
  });

  describe('by purpose', () => {
    it('lets an officer read personal data for a purpose the rule accepts', () => {
      expect(decideAccess(field('personal', [justiceRule]), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toMatchObject({ allowed: true });
    });

    it('refuses the same officer declaring a purpose the rule does not accept', () => {
      const forStatistics = { ...justiceOfficer, purpose: 'statistics' };
      expect(decideAccess(field('personal', [justiceRule]), forStatistics, aboutMinh, NO_CONNECTIONS)).toEqual(refused('justice-registers-civil-status', 'PURPOSE_REQUIRED'));
    });

    it('refuses the same officer declaring no purpose at all', () => {
      const noPurpose = { ...justiceOfficer, purpose: null };
      expect(decideAccess(field('personal', [justiceRule]), noPurpose, aboutMinh, NO_CONNECTIONS)).toEqual(refused('justice-registers-civil-status', 'PURPOSE_REQUIRED'));
    });

    it('lets an officer read personal data without a purpose list in the rule, once they declare any purpose', () => {
      const officers = rule('officers', { roles: new Set(['officer']) });
      expect(decideAccess(field('personal', [officers]), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('officers', 'owner'));
    });

    it('refuses an officer sensitive data under a rule without a purpose list when they declare no purpose', () => {
      const officers = rule('officers', { roles: new Set(['officer']) });
      expect(decideAccess(field('sensitive', [officers]), { ...justiceOfficer, purpose: null }, aboutMinh, NO_CONNECTIONS)).toEqual(refused('officers', 'PURPOSE_REQUIRED'));
    });

    it('lets an officer read internal data under a rule without a purpose list with no purpose declared', () => {
      const officers = rule('officers', { roles: new Set(['officer']) });
      expect(decideAccess(field('internal', [officers]), { ...justiceOfficer, purpose: null }, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('officers', 'owner'));
    });
  });

  describe('a person reading their own record', () => {
    it('lets Minh read his own record without declaring a purpose', () => {
      expect(decideAccess(field('sensitive', [ownRecordRule]), minh, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('citizens-read-their-own-record', 'own-record'));
    });

    it('refuses Minh the record of Lan', () => {
      expect(decideAccess(field('sensitive', [ownRecordRule]), minh, () => [LAN], NO_CONNECTIONS)).toEqual(refused('citizens-read-their-own-record', 'ROW_OUT_OF_SCOPE'));
    });

    it('lets Minh read a record about several people when he is one of them (a marriage)', () => {
      expect(decideAccess(field('personal', [ownRecordRule]), minh, () => [LAN, MINH], NO_CONNECTIONS)).toMatchObject({ allowed: true });
    });

    it('refuses a citizen token without a personal id any own record', () => {
      expect(decideAccess(field('personal', [ownRecordRule]), { ...minh, subject: null }, aboutMinh, NO_CONNECTIONS)).toEqual(refused('citizens-read-their-own-record', 'ROW_OUT_OF_SCOPE'));
    });

    it('never looks up whom a row is about for an officer when no rule depends on it', () => {
      const lookups: string[] = [];
      const counted = () => {
        lookups.push('asked');
        return [MINH];
      };
      expect(decideAccess(field('personal', [justiceRule]), justiceOfficer, counted, NO_CONNECTIONS)).toMatchObject({ allowed: true });
      expect(lookups).toEqual([]);
    });
  });

  describe('with the data subject’s consent', () => {
    it('refuses a finance officer for want of Minh’s consent when everything else holds', () => {
      expect(decideAccess(field('personal', [consentRule]), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('agencies-fill-in-a-dossier-with-consent', 'CONSENT_REQUIRED'));
    });

    it('names that consent rule as awaiting Minh’s consent, for the finance officer to look up', () => {
      expect(consentRulesAwaiting(field('personal', [consentRule]), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual([consentRule]);
    });

    it('names no consent rule for an officer of an agency the rule does not name', () => {
      const taxOfficer = { ...financeOfficer, agency: 'thue-tinh' };
      expect(consentRulesAwaiting(field('personal', [consentRule]), taxOfficer, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });

    it('names no consent rule for an officer whose purpose is not one consent can be given for', () => {
      const broad = rule('broad-consent', { roles: new Set(['officer']), consentPurposes: new Set(['public-service-delivery']) });
      const forStatistics = { ...financeOfficer, purpose: 'statistics' };
      expect(consentRulesAwaiting(field('personal', [broad]), forStatistics, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });

    it('names no consent rule for an officer who declared no purpose', () => {
      expect(consentRulesAwaiting(field('personal', [consentRule]), { ...financeOfficer, purpose: null }, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });

    it('names no rule without consent_purposes as awaiting consent', () => {
      expect(consentRulesAwaiting(field('personal', [justiceRule]), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });
  });

  describe('on the data subject’s request for one case', () => {
    it('refuses a finance officer naming a case for want of Minh’s request', () => {
      const onCase = { ...financeOfficer, caseId: 'DKKD-2026/004217' };
      expect(decideAccess(field('personal', [subjectRequestRule]), onCase, aboutMinh, NO_CONNECTIONS)).toEqual(refused('agencies-receive-what-the-citizen-asked-for', 'SUBJECT_REQUEST_REQUIRED'));
    });

    it('does not tell a finance officer who names no case that a request is missing', () => {
      expect(decideAccess(field('personal', [subjectRequestRule]), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('agencies-receive-what-the-citizen-asked-for', 'NOT_GRANTED'));
    });

    it('names the rule as awaiting Minh’s request for an officer naming a case', () => {
      const onCase = { ...financeOfficer, caseId: 'DKKD-2026/004217' };
      expect(subjectRequestRulesAwaiting(field('personal', [subjectRequestRule]), onCase, aboutMinh, NO_CONNECTIONS)).toEqual([subjectRequestRule]);
    });

    it('names no rule as awaiting a request for an officer naming no case', () => {
      expect(subjectRequestRulesAwaiting(field('personal', [subjectRequestRule]), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });

    it('names no rule as awaiting a request for a citizen naming a case, when the rule is for officers', () => {
      const minhOnCase = { ...minh, caseId: 'DKKD-2026/004217' };
      expect(subjectRequestRulesAwaiting(field('personal', [subjectRequestRule]), minhOnCase, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });

    it('names no consent rule as awaiting a request', () => {
      const onCase = { ...financeOfficer, caseId: 'DKKD-2026/004217' };
      expect(subjectRequestRulesAwaiting(field('personal', [consentRule]), onCase, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    });
  });

  describe('a state secret', () => {
    it('is refused to the police themselves, whatever a rule says', () => {
      const police = caller({ agency: 'cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation' });
      expect(decideAccess(field('state-secret', [rule('anyone')]), police, aboutMinh, NO_CONNECTIONS)).toEqual(refused(null, 'STATE_SECRET'));
    });

    it('is refused to Minh about himself', () => {
      expect(decideAccess(field('state-secret', [ownRecordRule]), minh, aboutMinh, NO_CONNECTIONS)).toEqual(refused(null, 'STATE_SECRET'));
    });
  });

  describe('when several rules fail', () => {
    it('tells a justice officer with the wrong purpose about the purpose, not the rules of other agencies', () => {
      const police = rule('police', { roles: new Set(['officer']), agencies: new Set(['cong-an-tinh']) });
      const forStatistics = { ...justiceOfficer, purpose: 'statistics' };
      expect(decideAccess(field('personal', [police, justiceRule, ownRecordRule]), forStatistics, aboutMinh, NO_CONNECTIONS)).toEqual(
        refused('justice-registers-civil-status', 'PURPOSE_REQUIRED'),
      );
    });

    it('tells a finance officer about consent rather than about another agency’s rule, whatever the order', () => {
      const policeFirst = [rule('police', { roles: new Set(['officer']), agencies: new Set(['cong-an-tinh']) }), consentRule];
      expect(decideAccess(field('personal', policeFirst), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('agencies-fill-in-a-dossier-with-consent', 'CONSENT_REQUIRED'));
      expect(decideAccess(field('personal', [...policeFirst].reverse()), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(
        refused('agencies-fill-in-a-dossier-with-consent', 'CONSENT_REQUIRED'),
      );
    });

    it('tells a finance officer naming a case about the missing request rather than the missing consent', () => {
      const onCase = { ...financeOfficer, caseId: 'DKKD-2026/004217' };
      expect(decideAccess(field('personal', [consentRule, subjectRequestRule]), onCase, aboutMinh, NO_CONNECTIONS)).toEqual(
        refused('agencies-receive-what-the-citizen-asked-for', 'SUBJECT_REQUEST_REQUIRED'),
      );
    });

    it('tells the same finance officer without a case about the missing consent', () => {
      expect(decideAccess(field('personal', [consentRule, subjectRequestRule]), financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(
        refused('agencies-fill-in-a-dossier-with-consent', 'CONSENT_REQUIRED'),
      );
    });

    it('tells Minh reading Lan’s record that the row is out of his scope, rather than that he is not an officer', () => {
      expect(decideAccess(field('personal', [justiceRule, ownRecordRule]), minh, () => [LAN], NO_CONNECTIONS)).toEqual(refused('citizens-read-their-own-record', 'ROW_OUT_OF_SCOPE'));
    });

    it('lets a justice officer through on the one rule that holds, after others failed', () => {
      const police = rule('police', { roles: new Set(['officer']), agencies: new Set(['cong-an-tinh']) });
      expect(decideAccess(field('personal', [police, consentRule, justiceRule]), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(
        allowed('justice-registers-civil-status', 'civil-status-law-2014'),
      );
    });

    it('tells anyone a field with no rule at all that nothing grants it', () => {
      expect(decideAccess(field('personal', []), justiceOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused(null, 'NOT_GRANTED'));
    });
  });
});

describe('deciding a field shared only on a connection agreement', () => {
  const innerAffairsOfficer = caller({ subject: 'nv-01', agency: 'so-noi-vu', roles: ['officer'], purpose: 'public-service-delivery' });
  const connectionRule = rule('inner-affairs-reads-on-its-connection', {
    roles: new Set(['officer']),
    agencies: new Set(['so-noi-vu']),
    purposes: new Set(['public-service-delivery']),
    legalBasis: 'decree-47-2020',
    requiresConnection: true,
  });
  const holding = (state: 'approved' | 'suspended', group = 'population.citizen:identity'): HeldConnections => ({
    covering: (fieldGroup) => (fieldGroup !== group ? null : state === 'approved' ? { id: 'kn-1', state } : { id: 'kn-1', state, reason: 'Hệ thống của Sở Nội vụ đang bị rà soát an ninh' }),
  });

  it('lets the inner-affairs officer read while her agency’s connection is approved', () => {
    expect(decideAccess(field('personal', [connectionRule]), innerAffairsOfficer, aboutMinh, holding('approved'))).toEqual(allowed('inner-affairs-reads-on-its-connection', 'decree-47-2020'));
  });

  it('refuses her with CONNECTION_REQUIRED when her agency holds no connection, or one to another service', () => {
    expect(decideAccess(field('personal', [connectionRule]), innerAffairsOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('inner-affairs-reads-on-its-connection', 'CONNECTION_REQUIRED'));
    expect(decideAccess(field('personal', [connectionRule]), innerAffairsOfficer, aboutMinh, holding('approved', 'population.citizen:residence'))).toEqual(
      refused('inner-affairs-reads-on-its-connection', 'CONNECTION_REQUIRED'),
    );
  });

  it('refuses her with CONNECTION_SUSPENDED and the owner’s reason while the connection is suspended', () => {
    expect(decideAccess(field('personal', [connectionRule]), innerAffairsOfficer, aboutMinh, holding('suspended'))).toEqual({
      ...refused('inner-affairs-reads-on-its-connection', 'CONNECTION_SUSPENDED'),
      notice: 'Hệ thống của Sở Nội vụ đang bị rà soát an ninh',
    });
  });

  it('tells an officer of another agency that his agency is not allowed, whatever connections exist', () => {
    expect(decideAccess(field('personal', [connectionRule]), financeOfficer, aboutMinh, holding('approved'))).toEqual(refused('inner-affairs-reads-on-its-connection', 'AGENCY_NOT_ALLOWED'));
  });

  it('asks for the connection before the data subject’s consent when a rule needs both', () => {
    const both = rule('with-connection-and-consent', { roles: connectionRule.roles, agencies: connectionRule.agencies, purposes: connectionRule.purposes, legalBasis: connectionRule.legalBasis, requiresConnection: true, consentPurposes: new Set(['public-service-delivery']) });
    expect(decideAccess(field('personal', [both]), innerAffairsOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('with-connection-and-consent', 'CONNECTION_REQUIRED'));
    expect(consentRulesAwaiting(field('personal', [both]), innerAffairsOfficer, aboutMinh, NO_CONNECTIONS)).toEqual([]);
    expect(consentRulesAwaiting(field('personal', [both]), innerAffairsOfficer, aboutMinh, holding('approved'))).toEqual([both]);
  });
});

describe('deciding a field of a disabled sharing service', () => {
  const disabled = { ...field('personal', [justiceRule, rule('police-manage-the-register', { roles: new Set(['officer']), agencies: new Set(['cong-an-tinh']) })]), disabled: { notice: 'Bảo trì đến 10/12/2026', since: '2026-12-01' } };
  const police = caller({ subject: 'ca-01', agency: 'cong-an-tinh', roles: ['officer'], purpose: 'residence-management' });

  it('refuses the justice officer with SERVICE_DISABLED and the owner’s notice', () => {
    expect(decideAccess(disabled, justiceOfficer, aboutMinh, NO_CONNECTIONS)).toEqual({ ...refused('justice-registers-civil-status', 'SERVICE_DISABLED'), notice: 'Bảo trì đến 10/12/2026' });
  });

  it('still lets the owner’s own officers read their register', () => {
    expect(decideAccess(disabled, police, aboutMinh, NO_CONNECTIONS)).toEqual(allowed('police-manage-the-register', 'owner'));
  });

  it('tells a caller no rule would let through the usual reason, not that the service is off', () => {
    expect(decideAccess(disabled, financeOfficer, aboutMinh, NO_CONNECTIONS)).toEqual(refused('justice-registers-civil-status', 'AGENCY_NOT_ALLOWED'));
  });
});
