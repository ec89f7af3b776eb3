// Appends disclosure records to the chain. Group commit: records of concurrent requests wait while a
// write is in flight and go together in the next transaction (one commit for many requests); with no
// write in flight they go at once (STACK.md: a fixed window only adds latency). An advisory lock
// keeps the chain linear even with several processes on one database. Rows are inserted in order of
// seq, which unnest preserves.
import type { Knex } from 'knex';
import { GENESIS_HASH, hashRecord, type DisclosureRecord } from './disclosureChain.ts';

interface Pending {
  records: DisclosureRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface DisclosureWriter {
  write(records: DisclosureRecord[]): Promise<void>;
}

const CHAIN_LOCK = 424242;

export function createDisclosureWriter(knex: Knex): DisclosureWriter {
  let queue: Pending[] = [];
  let writing = false;

  async function append(batch: Pending[]): Promise<void> {
    await knex.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(?)', [CHAIN_LOCK]);
      const last = await trx('disclosure_log').select('hash').orderBy('seq', 'desc').first();
      let previous: string = last?.hash ?? GENESIS_HASH;
      const rows = batch.flatMap(({ records }) =>
        records.map((record) => {
          const hash = hashRecord(previous, record);
          const row = {
            request_id: record.requestId,
            at: record.at,
            principal: record.principal,
            agency: record.agency,
            roles: JSON.stringify(record.roles),
            purpose: record.purpose,
            case_id: record.caseId,
            data_subject: record.dataSubject,
            fields: JSON.stringify(record.fields),
            decision: record.decision,
            prev_hash: previous,
            hash,
          };
          previous = hash;
          return row;
        }),
      );
      // One statement whatever the number of rows: one array parameter per column (unnest).
      const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
      await trx.raw(
        `insert into disclosure_log (request_id, at, principal, agency, roles, purpose, case_id, data_subject, fields, decision, prev_hash, hash)
         select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::jsonb[], ?::text[], ?::text[], ?::text[], ?::jsonb[], ?::text[], ?::text[], ?::text[])`,
        [
          column('request_id'), column('at'), column('principal'), column('agency'), column('roles'), column('purpose'),
          column('case_id'), column('data_subject'), column('fields'), column('decision'), column('prev_hash'), column('hash'),
        ] as unknown as readonly Knex.RawBinding[],
      );
    });
  }

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await append(batch);
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    writing = false;
  }

  return {
    write(records) {
      if (records.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ records, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
