// The platform's resolvers, one folder per feature; this file only puts them together.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { accessLogResolvers } from './accessLog/accessLogResolvers.ts';
import { catalogueResolvers } from './catalogues/catalogueResolvers.ts';
import type { PlatformLoaders } from './catalogues/loaders.ts';
import { consentResolvers } from './consent/consentResolvers.ts';
import { connectionResolvers } from './connections/connectionResolvers.ts';
import { policyConsoleResolvers } from './policyConsole/policyConsoleResolvers.ts';
import { subjectRequestResolvers } from './subjectRequests/subjectRequestResolvers.ts';
import { sharingCatalogueResolvers } from './sharingCatalogue/sharingCatalogueResolvers.ts';
// Data-error reports and usage inquiries (issue 14, items 5 and 6).
import { dataErrorResolvers } from './dataErrorReports/dataErrorResolvers.ts';
import { usageInquiryResolvers } from './usageInquiries/usageInquiryResolvers.ts';
// Open data (issue 15).
import { openDataResolvers } from './openData/openDataResolvers.ts';
import { openDataFeedbackResolvers } from './openData/openDataFeedbackResolvers.ts';
import { sharingStatisticsResolvers } from './sharingStatistics/sharingStatisticsResolvers.ts';

export const resolvers: GraphQLResolverMap<SubgraphContext<PlatformLoaders>> = {
  Query: {
    ...catalogueResolvers.Query,
    ...policyConsoleResolvers.Query,
    ...consentResolvers.Query,
    ...subjectRequestResolvers.Query,
    ...accessLogResolvers.Query,
    ...connectionResolvers.Query,
    ...sharingCatalogueResolvers.Query,
    ...dataErrorResolvers.Query,
    ...usageInquiryResolvers.Query,
    ...sharingStatisticsResolvers.Query,
    ...openDataResolvers.Query,
    ...openDataFeedbackResolvers.Query,
  },
  Mutation: {
    ...policyConsoleResolvers.Mutation,
    ...consentResolvers.Mutation,
    ...subjectRequestResolvers.Mutation,
    ...accessLogResolvers.Mutation,
    ...connectionResolvers.Mutation,
    ...dataErrorResolvers.Mutation,
    ...usageInquiryResolvers.Mutation,
    ...openDataResolvers.Mutation,
    ...openDataFeedbackResolvers.Mutation,
  },
  DataAccess: accessLogResolvers.DataAccess,
  AdministrativeUnit: catalogueResolvers.AdministrativeUnit,
  LegalBasis: catalogueResolvers.LegalBasis,
  ConnectionRequest: connectionResolvers.ConnectionRequest,
  ConnectionEvent: connectionResolvers.ConnectionEvent,
  SharingService: sharingCatalogueResolvers.SharingService,
  DataErrorReport: dataErrorResolvers.DataErrorReport,
  DataErrorReportEvent: dataErrorResolvers.DataErrorReportEvent,
  DataCorrectionNotice: dataErrorResolvers.DataCorrectionNotice,
  UsageInquiry: usageInquiryResolvers.UsageInquiry,
  OpenDataset: openDataResolvers.OpenDataset,
  PolicyChangeDetail: policyConsoleResolvers.PolicyChangeDetail,
};
