// A publisher withdraws its dataset (a reason is required): it stays listed as WITHDRAWN with the reason
// and the date, and its rows and downloads are no longer served; its versions are kept. Reinstating it
// serves the current version again (a publisher who withdrew by mistake, or once the problem is fixed).
import type { Knex } from 'knex';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { actorOf, requirePublisherOf } from './openDataPublishers.ts';
import { lockedDatasetRow } from './openDataVersions.ts';

const REASON = { min: 10, max: 1000 };

export async function withdrawDataset(knex: Knex, principal: Principal, id: string, reason: string): Promise<void> {
  requirePublisherOf(principal, id);
  const text = reason.trim();
  if (text.length < REASON.min || text.length > REASON.max) {
    throw badUserInput(`"reason" is required: say why the dataset is withdrawn, in ${REASON.min} to ${REASON.max} characters`, 'reason');
  }
  await knex.transaction(async (trx) => {
    const row = await lockedDatasetRow(trx, id);
    if (row.withdrawnAt) throw badUserInput(`The dataset "${id}" is already withdrawn`, 'id');
    await trx('open_data_dataset')
      .where('id', id)
      .update({ withdrawn_at: trx.fn.now(), withdrawn_reason: text, withdrawn_by: actorOf(principal), version: trx.raw('version + 1') });
  });
}

export async function reinstateDataset(knex: Knex, principal: Principal, id: string): Promise<void> {
  requirePublisherOf(principal, id);
  await knex.transaction(async (trx) => {
    const row = await lockedDatasetRow(trx, id);
    if (!row.withdrawnAt) throw badUserInput(`The dataset "${id}" is not withdrawn`, 'id');
    await trx('open_data_dataset').where('id', id).update({ withdrawn_at: null, withdrawn_reason: null, withdrawn_by: null, version: trx.raw('version + 1') });
  });
}
