// The gateway gives the consent registry's token only to the services declared to look the data
// subjects' own bases up (shared/config/services.ts); the declaration must match what their policies
// in policies/ need: every service with a consent or subject-request rule has it, and no other does.
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { DEFAULT_POLICY_DIR } from '../../shared/policy/loadSubgraphPolicies.ts';
import { readPolicyFiles } from '../../shared/policy/readPolicyFiles.ts';

/** The rules of a service's policies that apply only with the data subject's consent or request. */
function subjectBasisRules(service: string): string[] {
  return readPolicyFiles(DEFAULT_POLICY_DIR, service).files.flatMap(({ file, document }) =>
    document.rules.filter((rule) => rule.consent_purposes || rule.on_subject_request).map((rule) => `${file}: ${rule.id}`),
  );
}

describe('which services get the consent registry’s token', () => {
  for (const service of SUBGRAPH_SERVICES) {
    it(`${service.name}: looksUpSubjectBases is ${service.looksUpSubjectBases}, as its policies need`, () => {
      const rules = subjectBasisRules(service.name);
      // Named in the failure: the rules that need the token, or that none does.
      expect({ service: service.name, looksUpSubjectBases: rules.length > 0, rules }).toEqual({
        service: service.name,
        looksUpSubjectBases: service.looksUpSubjectBases,
        rules: service.looksUpSubjectBases ? expect.arrayContaining([expect.any(String)]) : [],
      });
    });
  }
});
