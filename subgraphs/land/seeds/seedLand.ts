import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../synthetic/index.ts';

/**
 * The land-use purposes the synthetic province uses, named as in the 2024 Land Law catalogue.
 * A parcel with a code missing here fails the seed on the foreign key, rather than showing no name.
 */
export const LAND_USE_PURPOSES: readonly { code: string; name: string }[] = [
  { code: 'ONT', name: 'Đất ở tại nông thôn' },
  { code: 'ODT', name: 'Đất ở tại đô thị' },
  { code: 'LUC', name: 'Đất chuyên trồng lúa' },
  { code: 'LUK', name: 'Đất trồng lúa còn lại' },
  { code: 'HNK', name: 'Đất trồng cây hằng năm khác' },
  { code: 'CLN', name: 'Đất trồng cây lâu năm' },
  { code: 'NTS', name: 'Đất nuôi trồng thủy sản' },
  { code: 'TMD', name: 'Đất thương mại, dịch vụ' },
  { code: 'SKC', name: 'Đất cơ sở sản xuất phi nông nghiệp' },
];

/** Residential plots are never in a defence zone; farmland and production land next to military sites can be. */
const RESIDENTIAL_PURPOSES = new Set(['ONT', 'ODT']);

/**
 * The state-secret defence-zone marking (land_parcel.defence_zone) of a few parcels: one in every
 * `DEFENCE_ZONE_EVERY` non-residential parcels, alternating the prohibited and the protected area.
 * Seeded only so that the register is whole; the data layer never selects it.
 */
const DEFENCE_ZONE_EVERY = 250;
const DEFENCE_ZONES = ['Đất quốc phòng - khu vực cấm', 'Đất quốc phòng - khu vực bảo vệ'] as const;

function defenceZones(parcels: Province['parcels']): Map<string, string> {
  const zones = new Map<string, string>();
  parcels
    .filter((parcel) => !RESIDENTIAL_PURPOSES.has(parcel.landUsePurpose))
    .forEach((parcel, index) => {
      if (index % DEFENCE_ZONE_EVERY === DEFENCE_ZONE_EVERY / 2) {
        zones.set(parcel.id, DEFENCE_ZONES[Math.floor(index / DEFENCE_ZONE_EVERY) % DEFENCE_ZONES.length]);
      }
    });
  return zones;
}

export async function seedLand(knex: Knex, province: Province): Promise<void> {
  await insertInChunks(knex, 'land_use_purpose', LAND_USE_PURPOSES);
  const zones = defenceZones(province.parcels);
  await insertInChunks(
    knex,
    'land_parcel',
    province.parcels.map((p) => ({
      id: p.id,
      map_sheet: p.mapSheet,
      parcel_number: p.parcelNumber,
      area: p.area,
      land_use_purpose: p.landUsePurpose,
      unit_code: p.unitCode,
      address: p.address,
      defence_zone: zones.get(p.id) ?? null,
    })),
  );
  await insertInChunks(
    knex,
    'parcel_holder',
    province.parcelHolders.map((h) => ({
      parcel_id: h.parcelId,
      citizen_id: h.citizenId,
      enterprise_code: h.enterpriseCode,
      share: h.share,
    })),
  );
  await insertInChunks(
    knex,
    'land_certificate',
    province.certificates.map((c) => ({
      serial_number: c.serialNumber,
      parcel_id: c.parcelId,
      issued_on: c.issuedOn,
      holder_citizen_id: c.holderCitizenId,
      holder_enterprise_code: c.holderEnterpriseCode,
    })),
  );
}
