// Latency of the calls each register answered, per province day, consumer agency and purpose, as counts
// per fixed log-scale bucket (shared/statistics/latencyHistogram.ts): replicas add their counts to the
// same rows, and percentiles are read from the sums.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sharing_latency', (table) => {
    table.comment('Calls answered by this register, by day, consumer agency, purpose and latency bucket (counts added by every replica)');
    table.date('day').notNullable().comment('The day in the province (Asia/Ho_Chi_Minh, UTC+7) the call was answered');
    table.string('consumer_agency', 64).notNullable().comment('The agency whose officer or system called');
    table.string('purpose', 64).notNullable().comment('The purpose declared in X-Purpose (empty when none was declared)');
    table.smallint('bucket').notNullable().comment('The latency bucket: calls up to 0.25 ms x 2^(bucket/4) (latencyHistogram.ts)');
    table.bigInteger('calls').notNullable().comment('Calls of this day, agency and purpose whose time fell in the bucket');
    table.primary(['day', 'consumer_agency', 'purpose', 'bucket']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sharing_latency');
}
