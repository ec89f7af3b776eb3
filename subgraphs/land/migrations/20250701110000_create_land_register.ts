import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('land_use_purpose', (table) => {
    table.comment('Catalogue of land-use purposes (mục đích sử dụng đất)');
    table.string('code', 3).primary().comment('Three-letter purpose code of the 2024 Land Law catalogue, e.g. ONT');
    table.text('name').notNullable().comment('Official name in Vietnamese, with diacritics');
  });
  await knex.schema.createTable('land_parcel', (table) => {
    table.comment('Land parcels (thửa đất) of the cadastral register');
    table.string('id', 20).primary().comment('Register id of the parcel');
    table.integer('map_sheet').notNullable().comment('Cadastral map sheet number (số tờ bản đồ) within the unit');
    table.integer('parcel_number').notNullable().comment('Parcel number (số thửa) within the map sheet');
    table.decimal('area', 12, 1).notNullable().comment('Area in square metres');
    table
      .string('land_use_purpose', 3)
      .notNullable()
      .references('land_use_purpose.code')
      .index()
      .comment('Land-use purpose code');
    table.string('unit_code', 5).notNullable().comment('Commune or ward the parcel lies in (platform catalogue code)');
    table.text('address').notNullable().comment('Address or locality of the parcel');
    // A sheet and number identify a parcel only within its unit; this index also serves unit filters.
    table.unique(['unit_code', 'map_sheet', 'parcel_number']);
  });
  await knex.schema.createTable('parcel_holder', (table) => {
    table.comment('Holders of the land-use right of each parcel, with their shares');
    table.string('parcel_id', 20).notNullable().references('land_parcel.id').index().comment('Parcel held');
    table.string('citizen_id', 12).nullable().index().comment('Personal id of the holder, when a person holds it');
    table.string('enterprise_code', 10).nullable().index().comment('Enterprise code of the holder, when an enterprise holds it');
    table.decimal('share', 5, 4).notNullable().comment('Fraction of the right held, 0 < share <= 1');
    table.check('(citizen_id is null) <> (enterprise_code is null)', undefined, 'parcel_holder_exactly_one_holder');
    table.check('share > 0 and share <= 1', undefined, 'parcel_holder_share_range');
  });
  await knex.schema.createTable('land_certificate', (table) => {
    table.comment('Land-use certificates (giấy chứng nhận quyền sử dụng đất) issued for parcels');
    table.string('serial_number', 20).primary().comment("Serial number of the printed form, e.g. 'CH 012345'");
    table.string('parcel_id', 20).notNullable().references('land_parcel.id').index().comment('Parcel the certificate covers');
    table.date('issued_on').notNullable().comment('Date of issue');
    table.string('holder_citizen_id', 12).nullable().comment('Personal id of the person named on the certificate');
    table.string('holder_enterprise_code', 10).nullable().comment('Enterprise code of the enterprise named on the certificate');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('land_certificate');
  await knex.schema.dropTable('parcel_holder');
  await knex.schema.dropTable('land_parcel');
  await knex.schema.dropTable('land_use_purpose');
}
