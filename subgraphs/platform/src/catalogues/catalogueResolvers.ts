// The platform's shared catalogues: administrative units (with the codes they had before the 1 July
// 2025 reform), the agency directory, the purposes callers declare and the legal bases policies name.
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { fetchPage } from '../../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { CODE_PATTERN, unitCode } from '../../../../shared/validation/inputs.ts';
import type { PlatformLoaders } from './loaders.ts';
import { agencies, legalBases, purposes, unitByFormerCode, unitList, type PurposeRow, type UnitRow } from './queries.ts';

type Context = SubgraphContext<PlatformLoaders>;
const LEGAL_BASIS_KINDS: Record<string, string> = {
  OWNER: 'owner',
  STATUTORY: 'statutory',
  CONSENT: 'consent',
  SUBJECT_REQUEST: 'subject-request',
  OPEN: 'open',
};

export function toAgency(row: Awaited<ReturnType<typeof agencies>>[number]) {
  return {
    code: row.code,
    name: row.name,
    focalPoint: { name: row.focalPointName, role: row.focalPointRole, phone: row.focalPointPhone, email: row.focalPointEmail },
  };
}

/** An agency row from a loader, or null for a code the directory lacks. */
export const agencyOrNull = (row: Parameters<typeof toAgency>[0] | null) => (row ? toAgency(row) : null);

/** A purpose with who may declare it: what `purposes` answers and what the gateway enforces. */
export function toPurpose(row: PurposeRow) {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    declarableBy: { agencies: row.declarableByAgencies, roles: row.declarableByRoles },
    caseIdFormat: row.caseIdPattern && row.caseIdExample ? { pattern: row.caseIdPattern, example: row.caseIdExample } : null,
  };
}

export const catalogueResolvers = {
  Query: {
    administrativeUnit: (_: unknown, args: { code: string }, ctx: Context) =>
      ctx.loaders.unitByCode.load(unitCode(args.code, 'code') as string),
    administrativeUnits: (_: unknown, args: { kind?: string; first?: number; after?: string }, ctx: Context) =>
      fetchPage<UnitRow>(unitList(ctx.knex, args.kind ? args.kind.toLowerCase() : null), 'code', (row) => row.code, args, listCursorScope('platform', ctx.principal, 'Query.administrativeUnits', args)),
    administrativeUnitByFormerCode: async (_: unknown, args: { formerCode: string }, ctx: Context) =>
      (await unitByFormerCode(ctx.knex, unitCode(args.formerCode, 'formerCode') as string)) ?? null,
    agencies: async (_: unknown, __: unknown, ctx: Context) => (await agencies(ctx.knex)).map(toAgency),
    agency: async (_: unknown, args: { code: string }, ctx: Context) => {
      if (!CODE_PATTERN.test(args.code) || args.code.length > 40) throw badUserInput('"code" must be an agency code like "so-tu-phap"', 'code');
      const [row] = await agencies(ctx.knex, args.code);
      return row ? toAgency(row) : null;
    },
    purposes: async (_: unknown, __: unknown, ctx: Context) => (await purposes(ctx.knex)).map(toPurpose),
    legalBases: (_: unknown, args: { kind?: string }, ctx: Context) => legalBases(ctx.knex, args.kind ? LEGAL_BASIS_KINDS[args.kind] : null),
  },
  AdministrativeUnit: {
    __resolveReference: (reference: { code: string }, ctx: Context) => ctx.loaders.unitByCode.load(reference.code),
    kind: (unit: UnitRow) => unit.kind.toUpperCase(),
    province: (unit: UnitRow, _: unknown, ctx: Context) => (unit.parentCode ? ctx.loaders.unitByCode.load(unit.parentCode) : null),
    formerUnits: (unit: UnitRow, _: unknown, ctx: Context) => ctx.loaders.formerUnitsByNewCode.load(unit.code),
  },
  LegalBasis: {
    kind: (basis: { kind: string }) => basis.kind.toUpperCase().replace('-', '_'),
  },
};
