import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../shared/synthetic/index.ts';

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

export async function seedLand(knex: Knex, province: Province): Promise<void> {
  await insertInChunks(knex, 'land_use_purpose', LAND_USE_PURPOSES);
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
