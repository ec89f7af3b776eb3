// A rule in plain language, composed from its structured summary in the reader's language: who (roles,
// agencies) may read what (groups and their fields), for which purposes, on which conditions, under which law.
import type { Texts } from '../../text/vi/index.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';
import type { PolicyFieldGroup, PolicyRuleSummary } from './policyQueries.ts';

type PolicyTexts = Texts['policies'];

export function whoOf(rule: PolicyRuleSummary, t: PolicyTexts, catalogue: ReferenceLists): string {
  if (rule.anyone) return t.rule.anyone;
  const roles = rule.roles ? t.rule.and(rule.roles.map((role) => t.roleNouns[role] ?? role)) : null;
  const agencies = rule.agencies ? t.rule.or(rule.agencies.map(catalogue.agencyName)) : null;
  if (!roles && !agencies) return t.rule.anySignedIn;
  if (!roles) return t.rule.anyoneAt(agencies!);
  if (!agencies) return t.rule.rolesEverywhere(roles);
  return t.rule.rolesAt(roles, agencies);
}

/** What follows "may read …": purposes, conditions, the legal basis and any restriction. */
export function conditionsOf(rule: PolicyRuleSummary, t: PolicyTexts, catalogue: ReferenceLists): string {
  let text = '';
  if (rule.purposes) text += t.rule.forPurposes(t.rule.or(rule.purposes.map(catalogue.purposeName)));
  if (rule.ownRecord) text += t.rule.ownRecord;
  if (rule.consentPurposes) text += t.rule.consent(t.rule.or(rule.consentPurposes.map(catalogue.purposeName)));
  if (rule.onSubjectRequest) text += t.rule.subjectRequest;
  if (rule.requiresCaseId) text += t.rule.caseId;
  if (rule.requiresConnection) text += t.rule.connection;
  text += t.rule.underBasis(catalogue.legalBasisName(rule.legalBasis));
  if (rule.restricted) {
    const until = rule.restricted.notifyAfter === 'until-released' ? t.rule.untilReleased : t.rule.forPeriod(rule.restricted.notifyAfter);
    text += t.rule.restricted(until, catalogue.legalBasisName(rule.restricted.legalBasis));
  }
  return text;
}

export function ruleSentence(rule: PolicyRuleSummary, groups: PolicyFieldGroup[], t: PolicyTexts, catalogue: ReferenceLists): string {
  const what = t.rule.and(
    rule.mayRead.map((name) => {
      const group = groups.find((candidate) => candidate.name === name);
      return t.rule.group(name, group ? group.fields.join(', ') : '');
    }),
  );
  return `${t.rule.mayRead(whoOf(rule, t, catalogue), what)}${conditionsOf(rule, t, catalogue)}.`;
}
