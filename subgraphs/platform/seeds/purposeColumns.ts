import type { PURPOSES } from '../../../shared/catalogue/platformCatalogue.ts';

/** A purpose of the starting catalogue as a row of the `purpose` table. */
export function purposeColumns(purpose: (typeof PURPOSES)[number]) {
  return {
    code: purpose.code,
    name: purpose.name,
    description: purpose.description,
    // jsonb: knex would send a JS array as a Postgres array.
    declarable_by_agencies: purpose.declarableBy.agencies === null ? null : JSON.stringify(purpose.declarableBy.agencies),
    declarable_by_roles: JSON.stringify(purpose.declarableBy.roles),
    case_id_pattern: purpose.caseId?.pattern ?? null,
    case_id_example: purpose.caseId?.example ?? null,
  };
}
