// npm run policy:check: every policy file against its subgraph's schema and the platform catalogues,
// and state secrets against the schemas' @inaccessible fields. Exits non-zero on any problem.
import { subgraphTypeDefs } from '../shared/config/subgraphSchemas.ts';
import { checkSubgraphPolicies } from '../shared/policy/checkSubgraphPolicies.ts';
import { policyDir, problemLine } from '../shared/policy/loadSubgraphPolicies.ts';

let failed = false;
for (const { name, typeDefs } of subgraphTypeDefs()) {
  const { loaded, problems } = checkSubgraphPolicies(name, typeDefs);
  if (problems.length) {
    failed = true;
    console.error(`✗ ${name}\n${problems.map((problem) => `  ${problemLine(problem)}`).join('\n')}`);
  } else {
    console.log(`✓ ${name}: ${loaded.compiled!.fields.size} fields covered, version ${loaded.version}`);
  }
}
console.log(failed ? `Policies in ${policyDir()} have problems (above).` : 'All policies are valid.');
process.exit(failed ? 1 : 0);
