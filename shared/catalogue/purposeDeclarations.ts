// Who may declare which purpose, and the format of the case ids each accepts: the list the gateway holds
// every request's X-Purpose and X-Case-Id to. Compiled once per load, so a request costs a Map lookup
// (and, with a case id, one regular-expression test).

/** The platform's internal route serving the list to the gateway (audience: the platform's own). */
export const PURPOSE_LIST_PATH = '/internal/purposes';
/** The same, relative to the platform's GraphQL URL: `<…>/graphql` becomes `<…>/internal/purposes`. */
export const PURPOSE_LIST_RELATIVE_PATH = 'internal/purposes';

/** One purpose as the platform's purpose list holds it (and `purposes` answers it). */
export interface PurposeDeclaration {
  code: string;
  /** `agencies` null: any agency, or none (citizens, security officers). A caller needs one of `roles`. */
  declarableBy: { agencies: readonly string[] | null; roles: readonly string[] };
  /** For case work: the pattern X-Case-Id must match under this purpose, and an example of it. */
  caseIdFormat: { pattern: string; example: string } | null;
}

interface CompiledPurpose {
  agencies: ReadonlySet<string> | null;
  roles: ReadonlySet<string>;
  caseId: RegExp | null;
  /** The pattern as written (RegExp.source would escape its slashes) and an example, for refusals. */
  caseIdFormat: string | null;
  /** Who may declare it, in words, for refusals. */
  declarers: string;
}

export type PurposeList = ReadonlyMap<string, CompiledPurpose>;

/** What the check needs of the caller (a Principal). */
export interface DeclaringCaller {
  agency: string | null;
  roles: readonly string[];
  purpose: string | null;
  caseId: string | null;
}

export interface DeclarationRefusal {
  /** 403: the caller may not act under this purpose; 400: the case id is malformed. */
  status: 400 | 403;
  code: 'PURPOSE_NOT_PERMITTED' | 'BAD_USER_INPUT';
  message: string;
}

/** Throws on a pattern that is not a regular expression: the caller keeps its last good list. */
export function compilePurposeList(declarations: readonly PurposeDeclaration[]): PurposeList {
  const list = new Map<string, CompiledPurpose>();
  for (const { code, declarableBy, caseIdFormat } of declarations) {
    const roles = declarableBy.roles.length === 0 ? 'nobody' : `${declarableBy.roles.join(' or ')} callers`;
    list.set(code, {
      agencies: declarableBy.agencies ? new Set(declarableBy.agencies) : null,
      roles: new Set(declarableBy.roles),
      caseId: caseIdFormat ? new RegExp(caseIdFormat.pattern, 'u') : null,
      caseIdFormat: caseIdFormat ? `${caseIdFormat.example} (pattern ${caseIdFormat.pattern})` : null,
      declarers: declarableBy.agencies ? `${roles} of ${declarableBy.agencies.join(', ')}` : roles,
    });
  }
  return list;
}

/** Why the caller may not declare their purpose (or case id), or null when they may. */
export function refuseDeclaration(list: PurposeList, caller: DeclaringCaller): DeclarationRefusal | null {
  if (caller.purpose === null) return null;
  const purpose = list.get(caller.purpose);
  if (!purpose) {
    return { status: 403, code: 'PURPOSE_NOT_PERMITTED', message: `"${caller.purpose}" is not a purpose of the platform's purpose list (query purposes)` };
  }
  const byRole = caller.roles.some((role) => purpose.roles.has(role));
  const byAgency = purpose.agencies === null || (caller.agency !== null && purpose.agencies.has(caller.agency));
  if (!byRole || !byAgency) {
    return { status: 403, code: 'PURPOSE_NOT_PERMITTED', message: `You may not declare the purpose "${caller.purpose}": only ${purpose.declarers} may` };
  }
  if (caller.caseId !== null && purpose.caseId && !purpose.caseId.test(caller.caseId)) {
    return {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: `X-Case-Id under the purpose "${caller.purpose}" must look like ${purpose.caseIdFormat}`,
    };
  }
  return null;
}
