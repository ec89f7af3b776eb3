// The purpose list as the gateway enforces it: who may declare each purpose and its case-id format.
// Published catalogue data, so any caller the gateway vouched for to the platform may read it. The
// gateway reloads it on a timer (every minute), not for a request: its statement is not counted as the
// request path's (OFF_REQUEST_PATH), or a request that fell beside a reload seemed to cost one more.
import type { Knex } from 'knex';
import { OFF_REQUEST_PATH } from '../../../../shared/db/openDatabase.ts';
import type { PurposeDeclaration } from '../../../../shared/catalogue/purposeDeclarations.ts';
import type { InternalRoute } from '../../../../shared/internalRoutes/InternalRoute.ts';
import { toPurpose } from './catalogueResolvers.ts';
import { purposes } from './queries.ts';

export const purposeListRoute: InternalRoute = {
  audience: 'platform',
  handle: async (_caller: unknown, _body: unknown, knex: Knex): Promise<PurposeDeclaration[]> =>
    (await purposes(knex, OFF_REQUEST_PATH)).map(toPurpose).map(({ code, declarableBy, caseIdFormat }) => ({ code, declarableBy, caseIdFormat })),
};
