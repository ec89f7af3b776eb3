// SQL of the civil-status register. The three tables are read through one combined shape (the
// columns of all three, typed nulls where a table lacks one) so that a UNION ALL over them can serve a
// citizen's events and the register list in one statement. Explicit columns, aliased to the row shapes.
import type { Knex } from 'knex';
import { inKeySet } from '../../../shared/db/anyOf.ts';
import { compiledRead } from '../../../shared/db/compiledRead.ts';
import { limitPerGroup } from '../../../shared/db/limitPerGroup.ts';

export type CivilEventKind = 'BIRTH' | 'MARRIAGE' | 'DEATH';

export const CIVIL_EVENT_KINDS: readonly CivilEventKind[] = ['BIRTH', 'MARRIAGE', 'DEATH'];

interface CivilEventFields {
  id: string;
  registrationNumber: string;
  registeredOn: string;
  unitCode: string;
}

export interface BirthRow extends CivilEventFields {
  kind: 'BIRTH';
  childId: string;
  fatherId: string | null;
  motherId: string | null;
  placeOfBirth: string;
}

export interface MarriageRow extends CivilEventFields {
  kind: 'MARRIAGE';
  husbandId: string;
  wifeId: string;
}

export interface DeathRow extends CivilEventFields {
  kind: 'DEATH';
  deceasedId: string;
  dateOfDeath: string;
}

export type CivilEventRow = BirthRow | MarriageRow | DeathRow;

/** Columns of the combined register, in UNION ALL order, with the SQL type of the null a table without it gives. */
const REGISTER_COLUMNS = {
  id: 'text',
  registration_number: 'text',
  registered_on: 'date',
  unit_code: 'text',
  child_id: 'text',
  father_id: 'text',
  mother_id: 'text',
  place_of_birth: 'text',
  husband_id: 'text',
  wife_id: 'text',
  deceased_id: 'text',
  date_of_death: 'date',
} as const;

type RegisterColumn = keyof typeof REGISTER_COLUMNS;

const COMMON_COLUMNS: RegisterColumn[] = ['id', 'registration_number', 'registered_on', 'unit_code'];

const REGISTERS: Record<CivilEventKind, { table: string; columns: readonly RegisterColumn[] }> = {
  BIRTH: { table: 'birth', columns: [...COMMON_COLUMNS, 'child_id', 'father_id', 'mother_id', 'place_of_birth'] },
  MARRIAGE: { table: 'marriage', columns: [...COMMON_COLUMNS, 'husband_id', 'wife_id'] },
  DEATH: { table: 'death', columns: [...COMMON_COLUMNS, 'deceased_id', 'date_of_death'] },
};

/** Output of every civil-event query: the combined register (as `civil_event`) aliased to the row shapes. */
const EVENT_COLUMNS = {
  kind: 'civil_event.kind',
  id: 'civil_event.id',
  registrationNumber: 'civil_event.registration_number',
  registeredOn: 'civil_event.registered_on',
  unitCode: 'civil_event.unit_code',
  childId: 'civil_event.child_id',
  fatherId: 'civil_event.father_id',
  motherId: 'civil_event.mother_id',
  placeOfBirth: 'civil_event.place_of_birth',
  husbandId: 'civil_event.husband_id',
  wifeId: 'civil_event.wife_id',
  deceasedId: 'civil_event.deceased_id',
  dateOfDeath: 'civil_event.date_of_death',
};

/** One register's rows in the combined shape; callers add their filters (on `<table>.<column>`). */
function registerBranch(knex: Knex, kind: CivilEventKind): Knex.QueryBuilder {
  const { table, columns } = REGISTERS[kind];
  return knex(table).select([
    knex.raw('?::text as kind', [kind]),
    ...Object.entries(REGISTER_COLUMNS).map(([column, type]) =>
      columns.includes(column as RegisterColumn) ? `${table}.${column}` : knex.raw(`null::${type} as ??`, [column]),
    ),
  ]);
}

function unionAll(branches: Knex.QueryBuilder[]): Knex.QueryBuilder {
  const [first, ...rest] = branches;
  return rest.length > 0 ? first.unionAll(rest) : first;
}

/** One register's events by id: a statement per kind, each compiled once. */
function eventsByIds<Row extends CivilEventRow>(kind: Row['kind']) {
  return compiledRead<[ids: readonly string[]], Row>((knex, ids) => {
    const branch = registerBranch(knex, kind).where(inKeySet(knex, `${REGISTERS[kind].table}.id`, ids));
    return knex.from(branch.as('civil_event')).select(EVENT_COLUMNS);
  });
}

export const birthsByIds = eventsByIds<BirthRow>('BIRTH');
export const marriagesByIds = eventsByIds<MarriageRow>('MARRIAGE');
export const deathsByIds = eventsByIds<DeathRow>('DEATH');

/**
 * Each citizen's own events (their birth, marriages as husband or wife, death), oldest registration
 * first, at most `limit` each: one statement for the whole batch of citizens.
 */
export const eventsByCitizenIds = compiledRead<[citizenIds: readonly string[], limit: number], CivilEventRow & { citizenId: string }>((knex, citizenIds, limit) => {
  const asCitizen = (kind: CivilEventKind, personColumn: string) =>
    registerBranch(knex, kind)
      .select(knex.raw('?? as citizen_id', [personColumn]))
      .where(inKeySet(knex, personColumn, citizenIds));
  const events = unionAll([
    asCitizen('BIRTH', 'birth.child_id'),
    asCitizen('MARRIAGE', 'marriage.husband_id'),
    asCitizen('MARRIAGE', 'marriage.wife_id'),
    asCitizen('DEATH', 'death.deceased_id'),
  ]);
  const columns = { ...EVENT_COLUMNS, citizenId: 'civil_event.citizen_id' };
  return limitPerGroup(knex, knex.from(events.as('civil_event')).select(columns), {
    partitionBy: 'civil_event.citizen_id',
    orderBy: 'civil_event.registered_on, civil_event.id',
    columns: Object.keys(columns).map((alias) => `ranked.${alias}`),
    limit,
  });
});

export interface RegisterFilter {
  kind: CivilEventKind | null;
  unitCode: string | null;
  registeredFrom: string | null;
  registeredTo: string | null;
}

/** The column `registerList` pages on: registration date, kind and id, so unique and in date order. */
export const REGISTER_SORT_KEY = 'civil_event.sort_key';

/**
 * Base query of the register list, filtered inside each branch so each table's indexes apply; the
 * page and the count are taken from it. Rows carry `sortKey`.
 */
export function registerList(knex: Knex, filter: RegisterFilter): Knex.QueryBuilder {
  const kinds = filter.kind ? [filter.kind] : CIVIL_EVENT_KINDS;
  const branches = kinds.map((kind) => {
    const { table } = REGISTERS[kind];
    const branch = registerBranch(knex, kind).select(
      knex.raw(`to_char(??, 'YYYY-MM-DD') || ':' || ?::text || ':' || ?? as sort_key`, [`${table}.registered_on`, kind, `${table}.id`]),
    );
    // A 2-digit code is the province itself: every entry.
    if (filter.unitCode && filter.unitCode.length === 5) branch.where(`${table}.unit_code`, filter.unitCode);
    if (filter.registeredFrom) branch.where(`${table}.registered_on`, '>=', filter.registeredFrom);
    if (filter.registeredTo) branch.where(`${table}.registered_on`, '<=', filter.registeredTo);
    return branch;
  });
  return knex.from(unionAll(branches).as('civil_event')).select({ ...EVENT_COLUMNS, sortKey: REGISTER_SORT_KEY });
}
