// Seeds an agency database once: a marker row records which synthetic province filled it, so a restart
// on a data directory or a server keeps the data, and a database filled with other settings is reported.
import type { Knex } from 'knex';
import { generateProvince, type Province, type ProvinceOptions } from '../../synthetic/index.ts';
import { logInfo } from '../logging/log.ts';

const provinces = new Map<string, Province>();

/** All services of one process share one generated province (generation is the costly part at bench scale). */
export function provinceFor(options: ProvinceOptions): Province {
  const key = `${options.seed}:${options.citizens}`;
  let province = provinces.get(key);
  if (!province) {
    province = generateProvince(options);
    provinces.set(key, province);
  }
  return province;
}

/**
 * Drops the generated provinces. A process that has started its services and named its demo citizens
 * never reads them again, and at bench scale one is hundreds of MB the collector would otherwise walk
 * for the life of the process.
 */
export function forgetProvinces(): void {
  provinces.clear();
}

export async function seedOnce(
  knex: Knex,
  service: string,
  options: ProvinceOptions,
  seed: (knex: Knex, province: Province) => Promise<void>,
): Promise<void> {
  await knex.raw(
    `create table if not exists synthetic_seed (
       seed bigint not null, citizens integer not null, seeded_at timestamptz not null default now()
     )`,
  );
  const existing = await knex('synthetic_seed').select('seed', 'citizens').first();
  if (existing) {
    if (Number(existing.seed) !== options.seed || Number(existing.citizens) !== options.citizens) {
      logInfo('database already holds another synthetic province; keeping it', { service, existing });
    }
    return;
  }
  const started = Date.now();
  const province = provinceFor(options);
  await knex.transaction(async (trx) => {
    await seed(trx, province);
    await trx('synthetic_seed').insert({ seed: options.seed, citizens: options.citizens });
  });
  // Fresh tables have no planner statistics; without them the first queries pick poor plans.
  await knex.raw('analyze');
  logInfo('seeded', { service, citizens: options.citizens, ms: Date.now() - started });
}
