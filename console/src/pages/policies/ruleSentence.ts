// One rule in plain language, composed from its structured summary in the reader's language:
// who (roles, agencies), may read what (groups and their fields), for which purposes, under which law,
// on which conditions.
import type { Texts } from '../../text/vi/index.ts';
import type { Catalogue } from './useCatalogue.ts';
import type { PolicyFieldGroup, PolicyRuleSummary } from './policyQueries.ts';

function whoOf(rule: PolicyRuleSummary, t: Texts['policies'], catalogue: Catalogue): string {
  if (rule.anyone) return t.rule.anyone;
  const roles = rule.roles ? t.rule.and(rule.roles.map((role) => t.roleNouns[role] ?? role)) : null;
  const agencies = rule.agencies ? t.rule.or(rule.agencies.map(catalogue.agencyName)) : null;
  if (!roles && !agencies) return t.rule.anySignedIn;
  if (!roles) return t.rule.anyoneAt(agencies!);
  if (!agencies) return t.rule.rolesEverywhere(roles);
  return t.rule.rolesAt(roles, agencies);
}

export function ruleSentence(rule: PolicyRuleSummary, groups: PolicyFieldGroup[], t: Texts['policies'], catalogue: Catalogue): string {
  const what = t.rule.and(
    rule.mayRead.map((name) => {
      const group = groups.find((candidate) => candidate.name === name);
      return t.rule.group(name, group ? group.fields.join(', ') : '');
    }),
  );
  let sentence = t.rule.mayRead(whoOf(rule, t, catalogue), what);
  if (rule.purposes) sentence += t.rule.forPurposes(t.rule.or(rule.purposes.map(catalogue.purposeName)));
  if (rule.ownRecord) sentence += t.rule.ownRecord;
  if (rule.consentPurposes) sentence += t.rule.consent(t.rule.or(rule.consentPurposes.map(catalogue.purposeName)));
  if (rule.onSubjectRequest) sentence += t.rule.subjectRequest;
  if (rule.requiresCaseId) sentence += t.rule.caseId;
  if (rule.requiresConnection) sentence += t.rule.connection;
  sentence += t.rule.underBasis(catalogue.legalBasisName(rule.legalBasis));
  if (rule.restricted) {
    const until = rule.restricted.notifyAfter === 'until-released' ? t.rule.untilReleased : t.rule.forPeriod(rule.restricted.notifyAfter);
    sentence += t.rule.restricted(until, catalogue.legalBasisName(rule.restricted.legalBasis));
  }
  return `${sentence}.`;
}
