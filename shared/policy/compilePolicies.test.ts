// What a security officer's policy files compile to, and what is refused (file, line, plain message)
// before it can be in force.
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compilePolicies, type CompiledRule } from './compilePolicies.ts';
import type { Catalogue, PolicyDocument, PolicyFile } from './PolicyDocument.ts';
import type { PolicySet } from './readPolicyFiles.ts';

const schema = buildSchema(`
  type Query { citizen(id: ID!): Citizen }
  type Citizen { id: ID! fullName: String religion: String securityNotes: String residence: Residence }
  type Residence { address: String }
`);

const catalogue: Catalogue = {
  agencies: ['cong-an-tinh', 'so-tu-phap', 'so-noi-vu'],
  purposes: ['criminal-investigation', 'public-service-delivery', 'civil-status-procedure'],
  legalBases: ['owner', 'own-record', 'pdpl-2025-consent', 'pdpl-2025-subject-request'],
  agencyGroups: { 'provincial-agencies': ['so-tu-phap', 'so-noi-vu'] },
};

const CITIZEN_FILE = 'policies/population/citizen.policy.yaml';

const queryPolicy = (): PolicyDocument => ({
  policy: 'population.query',
  about: 'Look-ups',
  owner: 'cong-an-tinh',
  type: 'Query',
  field_groups: { lookups: { level: 'public', fields: ['citizen'] } },
  rules: [{ id: 'signed-in-look-up', may_read: ['lookups'], roles: ['any-signed-in'], legal_basis: 'owner' }],
});

const citizenPolicy = (): PolicyDocument => ({
  policy: 'population.citizen',
  about: 'A person in the register',
  owner: 'cong-an-tinh',
  type: 'Citizen',
  subject: 'id',
  field_groups: {
    key: { level: 'personal', fields: ['id'] },
    identity: { level: 'personal', fields: ['fullName'] },
    beliefs: { level: 'sensitive', fields: ['religion'] },
    residence: { level: 'personal', fields: ['residence'] },
    dossier: { level: 'state-secret', fields: ['securityNotes'] },
  },
  rules: [
    {
      id: 'police-investigate',
      may_read: ['key', 'identity', 'beliefs', 'residence'],
      roles: ['officer'],
      agencies: ['cong-an-tinh'],
      purposes: ['criminal-investigation'],
      legal_basis: 'owner',
    },
    { id: 'citizens-read-their-own-record', may_read: ['key', 'identity', 'beliefs', 'residence'], roles: ['citizen'], own_record: true, legal_basis: 'own-record' },
    {
      id: 'agencies-with-consent',
      may_read: ['key', 'identity'],
      roles: ['officer'],
      agencies: ['group:provincial-agencies'],
      purposes: ['public-service-delivery'],
      consent_purposes: ['public-service-delivery'],
      legal_basis: 'pdpl-2025-consent',
    },
  ],
});

const residencePolicy = (): PolicyDocument => ({
  policy: 'population.residence',
  about: 'Where a person lives',
  owner: 'cong-an-tinh',
  type: 'Residence',
  subject: 'enclosing-record',
  field_groups: { address: { level: 'personal', fields: ['address'] } },
  rules: [{ id: 'citizens-read-their-own-address', may_read: ['address'], roles: ['citizen'], own_record: true, legal_basis: 'own-record' }],
});

/** A file as readPolicyFiles gives it; `lines` says on which line a path of the document sits (else line 1). */
function policyFile(file: string, document: PolicyDocument, lines: Record<string, number> = {}): PolicyFile {
  return { file, document, lineOf: (path) => lines[path.join('.')] ?? 1 };
}

function policySet(citizen: PolicyDocument = citizenPolicy(), lines: Record<string, number> = {}): PolicySet {
  return {
    files: [
      policyFile('policies/population/query.policy.yaml', queryPolicy()),
      policyFile(CITIZEN_FILE, citizen, lines),
      policyFile('policies/population/residence.policy.yaml', residencePolicy()),
    ],
    agencyGroups: {},
    problems: [],
  };
}

/** The citizen policy, changed as an officer's edit would. */
function edited(change: (document: PolicyDocument) => void): PolicyDocument {
  const document = citizenPolicy();
  change(document);
  return document;
}

function compile(set: PolicySet) {
  return compilePolicies(set, schema, catalogue, 'population');
}

function rule(id: string, conditions: Partial<Omit<CompiledRule, 'id'>>): CompiledRule {
  return { id, roles: null, agencies: null, purposes: null, legalBasis: 'owner', ownRecord: false, consentPurposes: null, onSubjectRequest: false, requiresConnection: false, ...conditions };
}

const police = rule('police-investigate', {
  roles: new Set(['officer']),
  agencies: new Set(['cong-an-tinh']),
  purposes: new Set(['criminal-investigation']),
});
const ownRecord = rule('citizens-read-their-own-record', { roles: new Set(['citizen']), ownRecord: true, legalBasis: 'own-record' });
const withConsent = rule('agencies-with-consent', {
  roles: new Set(['officer']),
  agencies: new Set(['so-tu-phap', 'so-noi-vu']),
  purposes: new Set(['public-service-delivery']),
  consentPurposes: new Set(['public-service-delivery']),
  legalBasis: 'pdpl-2025-consent',
});

const citizenField = { policy: 'population.citizen', owner: 'cong-an-tinh', type: 'Citizen', subjectFields: ['id'], subjectFromEnclosingRecord: false, disabled: null };

describe('a security officer’s policy set, compiled', () => {
  describe('when valid', () => {
    it('compiles a public group open to anyone, signed in or not', () => {
      const query = queryPolicy();
      query.rules = [{ id: 'open-look-up', may_read: ['lookups'], roles: ['anyone'], legal_basis: 'owner' }];
      const set = { ...policySet(), files: [policyFile('policies/population/query.policy.yaml', query), ...policySet().files.slice(1)] };
      const { compiled, problems } = compile(set);
      expect(problems).toEqual([]);
      expect(compiled?.fields.get('Query.citizen')?.rules).toEqual([rule('open-look-up', { anyone: true })]);
    });

    it('gives each field the rules of its group, with agency groups spelled out', () => {
      const { compiled, problems } = compile(policySet());
      expect(problems).toEqual([]);
      expect(compiled?.fields.get('Citizen.fullName')).toEqual({
        ...citizenField,
        field: 'fullName',
        group: 'identity',
        level: 'personal',
        rules: [police, ownRecord, withConsent],
        dataDependent: true,
      });
      expect(compiled?.fields.get('Citizen.religion')).toEqual({
        ...citizenField,
        field: 'religion',
        group: 'beliefs',
        level: 'sensitive',
        rules: [police, ownRecord],
        dataDependent: true,
      });
    });

    it('covers every field of every type, and nothing else', () => {
      const { compiled } = compile(policySet());
      expect([...(compiled?.fields.keys() ?? [])].sort()).toEqual([
        'Citizen.fullName',
        'Citizen.id',
        'Citizen.religion',
        'Citizen.residence',
        'Citizen.securityNotes',
        'Query.citizen',
        'Residence.address',
      ]);
    });

    it('lets any signed-in person through a rule for "any-signed-in", and does not make its field depend on the row', () => {
      const { compiled } = compile(policySet());
      expect(compiled?.fields.get('Query.citizen')).toEqual({
        policy: 'population.query',
        owner: 'cong-an-tinh',
        type: 'Query',
        field: 'citizen',
        group: 'lookups',
        level: 'public',
        rules: [rule('signed-in-look-up', {})],
        dataDependent: false,
        subjectFields: [],
        subjectFromEnclosingRecord: false,
        disabled: null,
      });
    });

    it('makes a field depend on the row when only the police and a consent rule may read it, not on the police rule alone', () => {
      const policeOnly = edited((document) => {
        document.rules = [document.rules[0]];
      });
      expect(compile(policySet(policeOnly)).compiled?.fields.get('Citizen.fullName')?.dataDependent).toBe(false);
      const consentOnly = edited((document) => {
        document.rules = [document.rules[0], document.rules[2]];
      });
      expect(compile(policySet(consentOnly)).compiled?.fields.get('Citizen.fullName')?.dataDependent).toBe(true);
    });

    it('makes a field depend on the row when a rule needs the subject’s request', () => {
      const onRequest = edited((document) => {
        document.rules = [document.rules[0], { id: 'on-request', may_read: ['identity'], roles: ['officer'], on_subject_request: true, legal_basis: 'pdpl-2025-subject-request' }];
      });
      const { compiled, problems } = compile(policySet(onRequest));
      expect(problems).toEqual([]);
      expect(compiled?.fields.get('Citizen.fullName')).toMatchObject({
        rules: [police, rule('on-request', { roles: new Set(['officer']), onSubjectRequest: true, legalBasis: 'pdpl-2025-subject-request' })],
        dataDependent: true,
      });
    });

    it('lists the state secrets, which no rule reaches', () => {
      const { compiled } = compile(policySet());
      expect(compiled?.stateSecrets).toEqual(new Set(['Citizen.securityNotes']));
      expect(compiled?.fields.get('Citizen.securityNotes')).toEqual({
        ...citizenField,
        field: 'securityNotes',
        group: 'dossier',
        level: 'state-secret',
        rules: [],
        dataDependent: false,
      });
    });

    it('takes the person a value belongs to from the enclosing record when the policy says so', () => {
      const { compiled } = compile(policySet());
      expect(compiled?.fields.get('Residence.address')).toEqual({
        policy: 'population.residence',
        owner: 'cong-an-tinh',
        type: 'Residence',
        field: 'address',
        group: 'address',
        level: 'personal',
        rules: [rule('citizens-read-their-own-address', { roles: new Set(['citizen']), ownRecord: true, legalBasis: 'own-record' })],
        dataDependent: true,
        subjectFields: [],
        subjectFromEnclosingRecord: true,
        disabled: null,
      });
    });

    it('carries an approved-connection condition to the rule, and leaves it off where the rule does not ask for one', () => {
      const withConnection = edited((document) => {
        document.rules[0].requires_connection = true;
      });
      const { compiled, problems } = compile(policySet(withConnection));
      expect(problems).toEqual([]);
      expect(compiled?.fields.get('Citizen.fullName')?.rules).toEqual([{ ...police, requiresConnection: true }, ownRecord, withConsent]);
      expect(compile(policySet()).compiled?.fields.get('Citizen.fullName')?.rules[0]).toEqual(police);
      expect(police.requiresConnection).toBe(false);
    });

    it('gives every field of a switched-off group its notice and date, and no other field', () => {
      const switchedOff = edited((document) => {
        document.field_groups.key.fields = ['id', 'fullName'];
        document.field_groups.identity = { level: 'personal', fields: ['religion'] };
        delete (document.field_groups as Record<string, unknown>).beliefs;
        document.field_groups.key.disabled = { notice: 'Under maintenance until 2026-12-31', since: '2026-12-01' };
        document.rules.forEach((one) => (one.may_read = one.may_read.filter((group) => group !== 'beliefs')));
      });
      const { compiled, problems } = compile(policySet(switchedOff));
      expect(problems).toEqual([]);
      const notice = { notice: 'Under maintenance until 2026-12-31', since: '2026-12-01' };
      expect(compiled?.fields.get('Citizen.id')?.disabled).toEqual(notice);
      expect(compiled?.fields.get('Citizen.fullName')?.disabled).toEqual(notice);
      expect(compiled?.fields.get('Citizen.religion')?.disabled).toBeNull();
      expect(compiled?.fields.get('Residence.address')?.disabled).toBeNull();
    });

    it('lets the agency groups of the policy folder add to the platform’s', () => {
      const set = policySet(edited((document) => {
        document.rules[0].agencies = ['group:justice-only'];
      }));
      set.agencyGroups = { 'justice-only': ['so-tu-phap'] };
      const { compiled, problems } = compile(set);
      expect(problems).toEqual([]);
      expect(compiled?.fields.get('Citizen.religion')?.rules[0].agencies).toEqual(new Set(['so-tu-phap']));
    });
  });

  describe('when something is wrong', () => {
    it('refuses to open a group above public to anyone without a token', () => {
      const set = policySet(edited((document) => {
        document.rules.push({ id: 'open-to-all', may_read: ['identity'], roles: ['anyone'], legal_basis: 'owner' });
      }), { 'rules.3.may_read.0': 40 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 40, code: 'ANYONE_NOT_PUBLIC', params: { rule: 'open-to-all', group: 'identity', level: 'personal' }, message: 'Rule "open-to-all" lets anyone (no token needed) read group "identity", which is personal: only public groups may be open to anyone' }],
      });
    });

    it('refuses a rule for anyone narrowed to agencies', () => {
      const query = queryPolicy();
      query.rules = [{ id: 'open-look-up', may_read: ['lookups'], roles: ['anyone'], agencies: ['so-tu-phap'], legal_basis: 'owner' }];
      const set = { ...policySet(), files: [policyFile('policies/population/query.policy.yaml', query), ...policySet().files.slice(1)] };
      expect(compile(set).problems.map((one) => one.message)).toEqual(['Rule "open-look-up" names "anyone", which cannot be narrowed by agencies: write another rule for signed-in callers']);
    });

    it('refuses a field in no group: every field needs an explicit decision', () => {
      const set = policySet(edited((document) => {
        document.field_groups.beliefs.fields = [];
      }), { field_groups: 12 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 12, code: 'FIELD_IN_NO_GROUP', params: { type: 'Citizen', field: 'religion' }, message: 'Field "Citizen.religion" is in no field group: every field needs an explicit decision' }],
      });
    });

    it('refuses a rule that names a state-secret group, even for the police', () => {
      const set = policySet(edited((document) => {
        document.rules[0].may_read.push('dossier');
      }), { 'rules.0.may_read.4': 31 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 31, code: 'STATE_SECRET_SHARED', params: { rule: 'police-investigate', group: 'dossier' }, message: 'Rule "police-investigate" names state-secret group "dossier": state secrets are never shared' }],
      });
    });

    it('refuses a rule naming an agency the platform does not know', () => {
      const set = policySet(edited((document) => {
        document.rules[0].agencies = ['cong-an-tnh'];
      }), { 'rules.0.agencies.0': 33 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 33, code: 'UNKNOWN_AGENCY', params: { rule: 'police-investigate', agency: 'cong-an-tnh' }, message: 'Unknown agency "cong-an-tnh"' }] });
    });

    it('refuses a rule naming an agency group nobody defined', () => {
      const set = policySet(edited((document) => {
        document.rules[2].agencies = ['group:banks'];
      }), { 'rules.2.agencies.0': 47 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 47, code: 'UNKNOWN_AGENCY_GROUP', params: { rule: 'agencies-with-consent', group: 'banks' }, message: 'Unknown agency group "banks"' }] });
    });

    it('refuses an agency group of the folder naming an agency the platform does not know', () => {
      const set = policySet();
      set.agencyGroups = { partners: ['so-tu-phap', 'ngan-hang-abc'] };
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: 'policies/agency-groups.yaml', line: 1, code: 'UNKNOWN_AGENCY_IN_GROUP', params: { group: 'partners', agency: 'ngan-hang-abc' }, message: 'Group "partners" names unknown agency "ngan-hang-abc"' }],
      });
    });

    it('refuses a rule naming a purpose the platform does not know', () => {
      const set = policySet(edited((document) => {
        document.rules[0].purposes = ['criminal-investigation', 'marketing'];
      }), { 'rules.0.purposes.1': 34 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 34, code: 'UNKNOWN_PURPOSE', params: { rule: 'police-investigate', purpose: 'marketing' }, message: 'Unknown purpose "marketing"' }] });
    });

    it('refuses a consent rule naming a purpose the platform does not know', () => {
      const set = policySet(edited((document) => {
        document.rules[2].consent_purposes = ['marketing'];
      }), { 'rules.2.consent_purposes.0': 50 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 50, code: 'UNKNOWN_PURPOSE', params: { rule: 'agencies-with-consent', purpose: 'marketing' }, message: 'Unknown purpose "marketing"' }] });
    });

    it('refuses a rule citing a legal basis the platform does not know', () => {
      const set = policySet(edited((document) => {
        document.rules[0].legal_basis = 'because-we-can';
      }), { 'rules.0.legal_basis': 35 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 35, code: 'UNKNOWN_LEGAL_BASIS', params: { rule: 'police-investigate', legalBasis: 'because-we-can' }, message: 'Unknown legal basis "because-we-can"' }] });
    });

    it('carries a restriction to the rule, and refuses one citing a legal basis the platform does not know', () => {
      const restricted = edited((document) => {
        document.rules[0].restricted = { legal_basis: 'owner', notify_after: 'until-released' };
      });
      expect(compile(policySet(restricted)).compiled!.fields.get('Citizen.fullName')!.rules[0]).toEqual({ ...police, restricted: { legalBasis: 'owner', notifyAfter: 'until-released' } });
      const unknown = edited((document) => {
        document.rules[0].restricted = { legal_basis: 'secret-decree', notify_after: 'P180D' };
      });
      expect(compile(policySet(unknown, { 'rules.0.restricted': 36 }))).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 36, code: 'UNKNOWN_RESTRICTION_LEGAL_BASIS', params: { rule: 'police-investigate', legalBasis: 'secret-decree' }, message: 'Unknown legal basis "secret-decree" for the restriction' }],
      });
    });

    it('refuses a rule naming a role the platform does not know', () => {
      const set = policySet(edited((document) => {
        document.rules[0].roles = ['superuser'];
      }), { 'rules.0.roles.0': 32 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 32, code: 'UNKNOWN_ROLE', params: { role: 'superuser', known: 'citizen, officer, system, security-officer, platform-admin, data-protection-officer, publisher, any-signed-in, anyone' }, message: 'Unknown role "superuser" (known: citizen, officer, system, security-officer, platform-admin, data-protection-officer, publisher, any-signed-in, anyone)' }],
      });
    });

    it('refuses a rule naming a field group the policy does not define', () => {
      const set = policySet(edited((document) => {
        document.rules[0].may_read = ['key', 'finances'];
      }), { 'rules.0.may_read.1': 30 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 30, code: 'UNKNOWN_GROUP', params: { rule: 'police-investigate', group: 'finances' }, message: 'Unknown field group "finances"' }] });
    });

    it('reports a type of the schema that no policy file covers', () => {
      const set = policySet();
      set.files = set.files.filter((file) => file.document.type !== 'Residence');
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: 'policies/population', line: 1, code: 'TYPE_WITHOUT_POLICY', params: { type: 'Residence', subgraph: 'population' }, message: 'Type "Residence" of the population schema has no policy file: every type needs one' }],
      });
    });

    it('refuses a consent rule in a policy whose record concerns no person', () => {
      const set = policySet(edited((document) => {
        document.subject = 'none';
        document.rules = [document.rules[0], document.rules[2]];
      }), { 'rules.1': 44 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 44, code: 'RULE_NEEDS_SUBJECT', params: { rule: 'agencies-with-consent' }, message: 'Rule "agencies-with-consent" depends on the data subject, but the policy names no "subject" field' }],
      });
    });

    it('refuses personal data whose data subject the policy does not name (fail closed), and accepts "subject: none"', () => {
      const unnamed = policySet(edited((document) => {
        delete document.subject;
        document.rules = [document.rules[0]];
      }), { 'field_groups.key': 12 });
      expect(compile(unnamed)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 12, code: 'SUBJECT_REQUIRED', params: { group: 'key', level: 'personal' }, message: 'Group "key" is personal, but the policy names no "subject": say whose data it is (or "subject: none" if the record concerns no person)' }],
      });
      const none = policySet(edited((document) => {
        document.subject = 'none';
        document.rules = [document.rules[0]];
      }));
      const { compiled, problems } = compile(none);
      expect(problems).toEqual([]);
      expect(compiled?.fields.get('Citizen.fullName')).toMatchObject({ subjectFields: [], subjectFromEnclosingRecord: false, concernsNoPerson: true });
    });

    it('accepts the same policy once it names its data subject', () => {
      const set = policySet(edited((document) => {
        document.rules = [document.rules[0], document.rules[2]];
      }));
      expect(compile(set).problems).toEqual([]);
    });

    it('refuses a rule requiring a connection that names no agencies or no purposes', () => {
      const noAgencies = edited((document) => {
        document.rules[0].requires_connection = true;
        delete document.rules[0].agencies;
      });
      expect(compile(policySet(noAgencies, { 'rules.0.requires_connection': 37 }))).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 37, code: 'CONNECTION_NEEDS_AGENCIES_AND_PURPOSES', params: { rule: 'police-investigate' }, message: 'Rule "police-investigate" requires an approved connection, so it must name the agencies and the purposes the connection is for' }],
      });
      const noPurposes = edited((document) => {
        document.rules[0].requires_connection = true;
        delete document.rules[0].purposes;
      });
      expect(compile(policySet(noPurposes, { 'rules.0.requires_connection': 37 })).problems).toEqual([
        { file: CITIZEN_FILE, line: 37, code: 'CONNECTION_NEEDS_AGENCIES_AND_PURPOSES', params: { rule: 'police-investigate' }, message: 'Rule "police-investigate" requires an approved connection, so it must name the agencies and the purposes the connection is for' },
      ]);
    });

    it('refuses a rule that both requires a connection and reads the caller’s own record', () => {
      const set = policySet(edited((document) => {
        document.rules[1] = { ...document.rules[1], agencies: ['cong-an-tinh'], purposes: ['criminal-investigation'], requires_connection: true };
      }), { 'rules.1.requires_connection': 41 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 41, code: 'CONNECTION_WITH_OWN_RECORD', params: { rule: 'citizens-read-their-own-record' }, message: 'Rule "citizens-read-their-own-record" cannot both require an approved connection and read the caller\'s own record: write two rules' }],
      });
    });

    it('refuses a switched-off group whose date is no day of the calendar', () => {
      const set = policySet(edited((document) => {
        document.field_groups.identity.disabled = { notice: 'Moved to the national register', since: '2026-02-30' };
      }), { 'field_groups.identity.disabled.since': 16 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 16, code: 'DISABLED_SINCE_NOT_DATE', params: { group: 'identity', since: '2026-02-30' }, message: '"since" of the disabled group "identity" is not a date (YYYY-MM-DD): "2026-02-30"' }],
      });
    });

    it('refuses a rule that needs both consent and a subject request', () => {
      const set = policySet(edited((document) => {
        document.rules[2].on_subject_request = true;
      }), { 'rules.2': 44 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 44, code: 'CONSENT_WITH_SUBJECT_REQUEST', params: { rule: 'agencies-with-consent' }, message: 'Rule "agencies-with-consent" cannot need both consent and a subject request: write two rules' }],
      });
    });

    it('refuses a consent rule in a service the gateway gives no consent-registry token (the platform)', () => {
      const set = policySet(citizenPolicy(), { 'rules.2': 44 });
      for (const file of set.files) file.document.policy = file.document.policy.replace(/^population\./, 'platform.');
      expect(compilePolicies(set, schema, catalogue, 'platform')).toEqual({
        compiled: null,
        problems: [{
          file: CITIZEN_FILE,
          line: 44,
          code: 'SUBJECT_BASES_NOT_LOOKED_UP', params: { rule: 'agencies-with-consent', subgraph: 'platform' },
          message: 'Rule "agencies-with-consent" relies on the data subject\'s consent or request, which the platform service is not set up to look up (looksUpSubjectBases in shared/config/services.ts): it could never apply',
        }],
      });
    });

    it('refuses a connection rule in a service the gateway gives no consent-registry token (the platform)', () => {
      const set = policySet(edited((document) => {
        document.rules[0].requires_connection = true;
      }), { 'rules.0.requires_connection': 37 });
      for (const file of set.files) file.document.policy = file.document.policy.replace(/^population\./, 'platform.');
      expect(compilePolicies(set, schema, catalogue, 'platform').problems).toContainEqual({
        file: CITIZEN_FILE,
        line: 37,
        code: 'CONNECTION_NOT_LOOKED_UP', params: { rule: 'police-investigate', subgraph: 'platform' },
        message: 'Rule "police-investigate" requires an approved connection, which the platform service is not set up to look up (looksUpSubjectBases in shared/config/services.ts): it could never apply',
      });
    });

    it('refuses a subject field the type lacks, and the rules that then have no subject', () => {
      const set = policySet(edited((document) => {
        document.subject = 'personalId';
      }), { subject: 9, 'rules.1': 40, 'rules.2': 44 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [
          { file: CITIZEN_FILE, line: 9, code: 'UNKNOWN_FIELD', params: { type: 'Citizen', field: 'personalId' }, message: 'Type "Citizen" has no field "personalId"' },
          { file: CITIZEN_FILE, line: 40, code: 'RULE_NEEDS_SUBJECT', params: { rule: 'citizens-read-their-own-record' }, message: 'Rule "citizens-read-their-own-record" depends on the data subject, but the policy names no "subject" field' },
          { file: CITIZEN_FILE, line: 44, code: 'RULE_NEEDS_SUBJECT', params: { rule: 'agencies-with-consent' }, message: 'Rule "agencies-with-consent" depends on the data subject, but the policy names no "subject" field' },
        ],
      });
    });

    it('refuses a subject field that holds no personal id', () => {
      const set = policySet(edited((document) => {
        document.subject = ['id', 'residence'];
      }), { 'subject.1': 10 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 10, code: 'SUBJECT_FIELD_KIND', params: { field: 'residence' }, message: '"residence" must be a personal id (ID or String), a Citizen, or a list whose people the row carries' }],
      });
    });

    it('refuses a policy of another subgraph’s name in this folder', () => {
      const set = policySet(edited((document) => {
        document.policy = 'land.citizen';
      }), { policy: 1 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [{ file: CITIZEN_FILE, line: 1, code: 'POLICY_NAME_PREFIX', params: { subgraph: 'population', policy: 'land.citizen' }, message: 'The policy name must start with "population." (the subgraph this folder belongs to)' }],
      });
    });

    it('refuses a policy owned by an agency the platform does not know', () => {
      const set = policySet(edited((document) => {
        document.owner = 'cong-an';
      }), { owner: 3 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 3, code: 'UNKNOWN_AGENCY', params: { agency: 'cong-an' }, message: 'Unknown agency "cong-an"' }] });
    });

    it('refuses a policy for a type the schema lacks', () => {
      const set = policySet(edited((document) => {
        document.type = 'Person';
      }), { type: 4 });
      expect(compile(set)).toEqual({
        compiled: null,
        problems: [
          { file: CITIZEN_FILE, line: 4, code: 'UNKNOWN_TYPE', params: { subgraph: 'population', type: 'Person' }, message: 'The population schema has no type "Person"' },
          { file: 'policies/population', line: 1, code: 'TYPE_WITHOUT_POLICY', params: { type: 'Citizen', subgraph: 'population' }, message: 'Type "Citizen" of the population schema has no policy file: every type needs one' },
        ],
      });
    });

    it('refuses a rule id used twice in one policy', () => {
      const set = policySet(edited((document) => {
        document.rules[1].id = 'police-investigate';
      }), { 'rules.1.id': 38 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 38, code: 'RULE_ID_TWICE', params: { rule: 'police-investigate' }, message: 'Rule id "police-investigate" is used twice' }] });
    });

    it('refuses a field put in two groups', () => {
      const set = policySet(edited((document) => {
        document.field_groups.identity.fields.push('religion');
      }), { 'field_groups.beliefs.fields.0': 20 });
      expect(compile(set)).toEqual({ compiled: null, problems: [{ file: CITIZEN_FILE, line: 20, code: 'FIELD_IN_TWO_GROUPS', params: { field: 'religion', group: 'identity' }, message: 'Field "religion" is already in group "identity"' }] });
    });

    it('compiles nothing when reading the files already found a problem', () => {
      const set = policySet();
      set.problems = [{ file: 'policies/population/household.policy.yaml', line: 7, code: 'YAML_INVALID', params: { error: 'bad indentation' }, message: 'Not valid YAML: bad indentation' }];
      expect(compile(set)).toEqual({ compiled: null, problems: set.problems });
    });
  });
});
