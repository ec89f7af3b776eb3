// The bench question answered with plain SQL: one page of 20 citizens of a ward, with each one's civil
// events, land parcels and enterprises. Four statements (the page, then three `= ANY($1)` batches run
// together), explicit columns, the same order and per-citizen caps as the subgraphs, the same JSON shape
// as the GraphQL `data`. This is the floor the gateway is compared to.
import pg from 'pg';

// A SQL `date` is a calendar day: keep 'YYYY-MM-DD', as the subgraphs do.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export const PAGE_SIZE = 20;
/** The default `first` of civilEvents, landParcels and businesses in the subgraph schemas. */
export const LIST_LIMIT = 20;

export interface RawPools {
  population: pg.Pool;
  civilStatus: pg.Pool;
  land: pg.Pool;
  business: pg.Pool;
}

export interface CitizenPage {
  citizens: {
    nodes: {
      id: string;
      fullName: string;
      dateOfBirth: string;
      civilEvents: { kind: string; registeredOn: string }[];
      landParcels: { parcelNumber: number; area: number }[];
      businesses: { enterpriseCode: string; name: string }[];
    }[];
  };
}

const CITIZEN_PAGE = `
  select id, full_name, date_of_birth
  from citizen
  where unit_code = $1
  order by id
  limit ${PAGE_SIZE}`;

// A citizen's own events: their birth, marriages as husband or wife, their death; oldest first.
const CIVIL_EVENTS = `
  select citizen_id, kind, registered_on
  from (
    select citizen_id, kind, registered_on,
           row_number() over (partition by citizen_id order by registered_on, id) as rank_in_group
    from (
      select child_id as citizen_id, 'BIRTH' as kind, id, registered_on from birth where child_id = any($1)
      union all
      select husband_id, 'MARRIAGE', id, registered_on from marriage where husband_id = any($1)
      union all
      select wife_id, 'MARRIAGE', id, registered_on from marriage where wife_id = any($1)
      union all
      select deceased_id, 'DEATH', id, registered_on from death where deceased_id = any($1)
    ) as civil_event
  ) as ranked
  where rank_in_group <= ${LIST_LIMIT}
  order by rank_in_group`;

// Parcels each citizen holds, alone or jointly, in cadastral order.
const LAND_PARCELS = `
  select citizen_id, parcel_number, area
  from (
    select parcel_holder.citizen_id, land_parcel.parcel_number, land_parcel.area,
           row_number() over (
             partition by parcel_holder.citizen_id
             order by land_parcel.unit_code, land_parcel.map_sheet, land_parcel.parcel_number
           ) as rank_in_group
    from parcel_holder
    join land_parcel on land_parcel.id = parcel_holder.parcel_id
    where parcel_holder.citizen_id = any($1)
  ) as ranked
  where rank_in_group <= ${LIST_LIMIT}
  order by rank_in_group`;

// Enterprises each citizen legally represents, oldest registration first.
const ENTERPRISES = `
  select legal_representative_id, code, name
  from (
    select legal_representative_id, code, name,
           row_number() over (partition by legal_representative_id order by registered_on, code) as rank_in_group
    from enterprise
    where legal_representative_id = any($1)
  ) as ranked
  where rank_in_group <= ${LIST_LIMIT}
  order by rank_in_group`;

/** Rows grouped by a key column, each group in the order the statement returned it. */
function groupBy<R extends Record<string, unknown>, T>(rows: R[], key: keyof R, shape: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = String(row[key]);
    const list = groups.get(id);
    if (list) list.push(shape(row));
    else groups.set(id, [shape(row)]);
  }
  return groups;
}

/** `countStatement` is called once per SQL statement sent, for the /metrics counter. */
export async function rawCitizenPage(pools: RawPools, unitCode: string, countStatement: () => void): Promise<CitizenPage> {
  countStatement();
  const page = await pools.population.query<{ id: string; full_name: string; date_of_birth: string }>(CITIZEN_PAGE, [unitCode]);
  const ids = page.rows.map((row) => row.id);
  if (ids.length === 0) return { citizens: { nodes: [] } };

  countStatement();
  countStatement();
  countStatement();
  const [events, parcels, enterprises] = await Promise.all([
    pools.civilStatus.query<{ citizen_id: string; kind: string; registered_on: string }>(CIVIL_EVENTS, [ids]),
    pools.land.query<{ citizen_id: string; parcel_number: number; area: string }>(LAND_PARCELS, [ids]),
    pools.business.query<{ legal_representative_id: string; code: string; name: string }>(ENTERPRISES, [ids]),
  ]);
  const eventsOf = groupBy(events.rows, 'citizen_id', (row) => ({ kind: row.kind, registeredOn: row.registered_on }));
  // numeric comes back from pg as a string; the GraphQL Float is a number.
  const parcelsOf = groupBy(parcels.rows, 'citizen_id', (row) => ({ parcelNumber: row.parcel_number, area: Number(row.area) }));
  const enterprisesOf = groupBy(enterprises.rows, 'legal_representative_id', (row) => ({ enterpriseCode: row.code, name: row.name }));
  return {
    citizens: {
      nodes: page.rows.map((row) => ({
        id: row.id,
        fullName: row.full_name,
        dateOfBirth: row.date_of_birth,
        civilEvents: eventsOf.get(row.id) ?? [],
        landParcels: parcelsOf.get(row.id) ?? [],
        businesses: enterprisesOf.get(row.id) ?? [],
      })),
    },
  };
}
