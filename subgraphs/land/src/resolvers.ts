import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { badUserInput } from '../../../shared/errors/clientErrors.ts';
import { pageSizeOf } from '../../../shared/loaders/listBounds.ts';
import { fetchPage } from '../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../shared/auth/cursorKey.ts';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { recordId, unitCode } from '../../../shared/validation/inputs.ts';
import type { LandLoaders } from './loaders.ts';
import {
  landUsePurposes,
  parcelList,
  type LandCertificateRow,
  type LandParcelRow,
  type ParcelHolderRow,
} from './queries.ts';

type Context = SubgraphContext<LandLoaders>;

/** Certificate serials are a two-letter series and digits ('CH 012345'); older forms may use Đ. */
function certificateSerial(value: string, field = 'serialNumber'): string {
  if (!/^[A-ZĐ]{2} \d{6,8}$/u.test(value)) {
    throw badUserInput(`"${field}" must be a certificate serial: two capital letters, a space and 6-8 digits`, field);
  }
  return value;
}

function landUsePurposeCode(value: string | null | undefined, field = 'landUsePurpose'): string | null {
  if (value === null || value === undefined) return null;
  if (!/^[A-Z]{3}$/.test(value)) throw badUserInput(`"${field}" must be a three-letter land-use purpose code, e.g. ONT`, field);
  return value;
}

export const resolvers: GraphQLResolverMap<Context> = {
  Query: {
    landParcel: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.parcelById.load(recordId(args.id)),
    landParcels: (
      _: unknown,
      args: { unitCode?: string; landUsePurpose?: string; first?: number; after?: string },
      ctx: Context,
    ) =>
      fetchPage<LandParcelRow>(
        parcelList(ctx.knex, { unitCode: unitCode(args.unitCode), landUsePurpose: landUsePurposeCode(args.landUsePurpose) }),
        'land_parcel.id',
        (row) => row.id,
        args,
        listCursorScope('land', ctx.principal, 'Query.landParcels', args),
      ),
    landUseCertificate: (_: unknown, args: { serialNumber: string }, ctx: Context) =>
      ctx.loaders.certificateBySerialNumber.load(certificateSerial(args.serialNumber)),
    landUsePurposes: (_: unknown, __: unknown, ctx: Context) => landUsePurposes(ctx.knex),
  },
  LandParcel: {
    __resolveReference: (reference: { id: string }, ctx: Context) => ctx.loaders.parcelById.load(reference.id),
    area: (parcel: LandParcelRow) => Number(parcel.area),
    landUsePurpose: (parcel: LandParcelRow) => ({ code: parcel.landUsePurposeCode, name: parcel.landUsePurposeName }),
    location: (parcel: LandParcelRow) => ({ code: parcel.unitCode }),
    holders: (parcel: LandParcelRow, _: unknown, ctx: Context) => ctx.loaders.holdersByParcelId.load(parcel.id),
    certificates: (parcel: LandParcelRow, _: unknown, ctx: Context) => ctx.loaders.certificatesByParcelId.load(parcel.id),
  },
  ParcelHolder: {
    share: (holder: ParcelHolderRow) => Number(holder.share),
    citizen: (holder: ParcelHolderRow) => (holder.citizenId ? { id: holder.citizenId } : null),
    enterprise: (holder: ParcelHolderRow) => (holder.enterpriseCode ? { enterpriseCode: holder.enterpriseCode } : null),
  },
  LandUseCertificate: {
    holderCitizen: (certificate: LandCertificateRow) => (certificate.holderCitizenId ? { id: certificate.holderCitizenId } : null),
    holderEnterprise: (certificate: LandCertificateRow) =>
      certificate.holderEnterpriseCode ? { enterpriseCode: certificate.holderEnterpriseCode } : null,
    parcel: (certificate: LandCertificateRow, _: unknown, ctx: Context) => ctx.loaders.parcelById.load(certificate.parcelId),
  },
  // Owned by population and business: the key is all this subgraph needs to add its fields.
  Citizen: {
    __resolveReference: (reference: { id: string }) => reference,
    landParcels: (citizen: { id: string }, args: { first?: number }, ctx: Context) =>
      ctx.loaders.parcelsByCitizenId(pageSizeOf('Citizen.landParcels', args.first)).load(citizen.id),
  },
  Enterprise: {
    __resolveReference: (reference: { enterpriseCode: string }) => reference,
    landParcels: (enterprise: { enterpriseCode: string }, args: { first?: number }, ctx: Context) =>
      ctx.loaders.parcelsByEnterpriseCode(pageSizeOf('Enterprise.landParcels', args.first)).load(enterprise.enterpriseCode),
  },
};
