// SQL of the land register. Explicit columns, aliased to the shapes the resolvers use.
import type { Knex } from 'knex';
import { anyOf } from '../../../shared/db/anyOf.ts';
import { compiledRead } from '../../../shared/db/compiledRead.ts';
import { limitPerGroup } from '../../../shared/db/limitPerGroup.ts';
import { MAX_CATALOGUE_SIZE, MAX_RECORD_PARTS } from '../../../shared/loaders/listBounds.ts';

export interface LandParcelRow {
  id: string;
  mapSheet: number;
  parcelNumber: number;
  /** numeric: a string from pg. */
  area: string;
  landUsePurposeCode: string;
  landUsePurposeName: string;
  unitCode: string;
  address: string;
  /** The people holding the parcel: its data subjects (policy `subject: holders`), read with the row. */
  holdersIds: string[];
}

/** A parcel as one holder's: the holder column says whose list it belongs to. */
export interface HeldParcelRow extends LandParcelRow {
  holderKey: string;
}

export interface ParcelHolderRow {
  parcelId: string;
  citizenId: string | null;
  enterpriseCode: string | null;
  /** numeric: a string from pg. */
  share: string;
}

export interface LandCertificateRow {
  serialNumber: string;
  parcelId: string;
  issuedOn: string;
  holderCitizenId: string | null;
  holderEnterpriseCode: string | null;
}

export interface LandUsePurposeRow {
  code: string;
  name: string;
}

const PARCEL_COLUMNS = {
  id: 'land_parcel.id',
  mapSheet: 'land_parcel.map_sheet',
  parcelNumber: 'land_parcel.parcel_number',
  area: 'land_parcel.area',
  landUsePurposeCode: 'land_parcel.land_use_purpose',
  landUsePurposeName: 'land_use_purpose.name',
  unitCode: 'land_parcel.unit_code',
  address: 'land_parcel.address',
};

const HOLDER_COLUMNS = {
  parcelId: 'parcel_id',
  citizenId: 'citizen_id',
  enterpriseCode: 'enterprise_code',
  share: 'share',
};

const CERTIFICATE_COLUMNS = {
  serialNumber: 'serial_number',
  parcelId: 'parcel_id',
  issuedOn: 'issued_on',
  holderCitizenId: 'holder_citizen_id',
  holderEnterpriseCode: 'holder_enterprise_code',
};

/** Cadastral order: a unit's parcels sheet by sheet, number by number. */
const CADASTRAL_ORDER = 'land_parcel.unit_code, land_parcel.map_sheet, land_parcel.parcel_number';

/** Output names of `parcels`. */
const PARCEL_OUTPUT = [...Object.keys(PARCEL_COLUMNS), 'holdersIds'];

function parcels(knex: Knex): Knex.QueryBuilder {
  return knex('land_parcel')
    .join('land_use_purpose', 'land_use_purpose.code', 'land_parcel.land_use_purpose')
    .select(PARCEL_COLUMNS)
    .select({
      holdersIds: knex.raw(
        'array(select holder.citizen_id from parcel_holder as holder where holder.parcel_id = land_parcel.id and holder.citizen_id is not null order by holder.citizen_id)',
      ),
    });
}

export const parcelsByIds = compiledRead<[ids: readonly string[]], LandParcelRow>((knex, ids) => parcels(knex).where(anyOf(knex, 'land_parcel.id', ids)));

/** Parcels held by each citizen or enterprise (`holderColumn`), in cadastral order, at most `limit` each. */
function parcelsByHolders(holderColumn: 'parcel_holder.citizen_id' | 'parcel_holder.enterprise_code') {
  return compiledRead<[holderKeys: readonly string[], limit: number], HeldParcelRow>((knex, holderKeys, limit) => {
    const held = parcels(knex)
      .join('parcel_holder', 'parcel_holder.parcel_id', 'land_parcel.id')
      .select({ holderKey: holderColumn })
      .where(anyOf(knex, holderColumn, holderKeys));
    return limitPerGroup(knex, held, {
      partitionBy: holderColumn,
      orderBy: CADASTRAL_ORDER,
      columns: [...PARCEL_OUTPUT, 'holderKey'].map((alias) => `ranked.${alias}`),
      limit,
    });
  });
}

export const parcelsByCitizenIds = parcelsByHolders('parcel_holder.citizen_id');

export const parcelsByEnterpriseCodes = parcelsByHolders('parcel_holder.enterprise_code');

/** Holders of each parcel, largest share first; a parcel has one or two, and never more than MAX_RECORD_PARTS are read. */
export const holdersByParcelIds = compiledRead<[parcelIds: readonly string[]], ParcelHolderRow>((knex, parcelIds) =>
  limitPerGroup(knex, knex('parcel_holder').select(HOLDER_COLUMNS).where(anyOf(knex, 'parcel_id', parcelIds)), {
    partitionBy: 'parcel_id',
    orderBy: 'share desc, citizen_id, enterprise_code',
    columns: Object.keys(HOLDER_COLUMNS).map((alias) => `ranked.${alias}`),
    limit: MAX_RECORD_PARTS,
  }),
);

/** Certificates of each parcel, oldest first; a parcel gets a new one only on transfer or reissue (at most MAX_RECORD_PARTS read). */
export const certificatesByParcelIds = compiledRead<[parcelIds: readonly string[]], LandCertificateRow>((knex, parcelIds) =>
  limitPerGroup(knex, knex('land_certificate').select(CERTIFICATE_COLUMNS).where(anyOf(knex, 'parcel_id', parcelIds)), {
    partitionBy: 'parcel_id',
    orderBy: 'issued_on, serial_number',
    columns: Object.keys(CERTIFICATE_COLUMNS).map((alias) => `ranked.${alias}`),
    limit: MAX_RECORD_PARTS,
  }),
);

export const certificatesBySerialNumbers = compiledRead<[serialNumbers: readonly string[]], LandCertificateRow>((knex, serialNumbers) =>
  knex('land_certificate').select(CERTIFICATE_COLUMNS).where(anyOf(knex, 'serial_number', serialNumbers)),
);

/** Base query of the parcel list, filtered; the page and the count are taken from it. */
export function parcelList(knex: Knex, filter: { unitCode: string | null; landUsePurpose: string | null }): Knex.QueryBuilder {
  const query = parcels(knex);
  // A 2-digit code is the province itself: every parcel.
  if (filter.unitCode && filter.unitCode.length === 5) query.where('land_parcel.unit_code', filter.unitCode);
  if (filter.landUsePurpose) query.where('land_parcel.land_use_purpose', filter.landUsePurpose);
  return query;
}

export function landUsePurposes(knex: Knex): Promise<LandUsePurposeRow[]> {
  return knex('land_use_purpose').select({ code: 'code', name: 'name' }).orderBy('code').limit(MAX_CATALOGUE_SIZE);
}
