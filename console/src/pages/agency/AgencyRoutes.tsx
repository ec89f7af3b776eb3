// The agency area's pages (routes below /console/agency): the catalogue, connection agreements and the
// owner's inbox, sharing statistics, data-error reports, correction notices and usage inquiries.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AgencyHome } from './AgencyHome.tsx';
import { AgencyNav } from './AgencyNav.tsx';
import { CataloguePage } from './catalogue/CataloguePage.tsx';
import { ServicePage } from './catalogue/ServicePage.tsx';
import { ConnectionPage } from './connections/ConnectionPage.tsx';
import { ConnectionsPage } from './connections/ConnectionsPage.tsx';
import { NewConnectionPage } from './connections/NewConnectionPage.tsx';
import { CorrectionNoticesPage } from './dataErrors/CorrectionNoticesPage.tsx';
import { DataErrorReportPage } from './dataErrors/DataErrorReportPage.tsx';
import { DataErrorReportsPage } from './dataErrors/DataErrorReportsPage.tsx';
import { ReportDataErrorPage } from './dataErrors/ReportDataErrorPage.tsx';
import { AskUsageInquiryPage } from './inquiries/AskUsageInquiryPage.tsx';
import { UsageInquiriesPage } from './inquiries/UsageInquiriesPage.tsx';
import { UsageInquiryPage } from './inquiries/UsageInquiryPage.tsx';
import { useText } from '../../text/language.tsx';
import './agency.css';

// The statistics page brings chart.js: loaded when first opened, so the console's first page stays small.
const StatisticsPage = lazy(() => import('./statistics/StatisticsPage.tsx').then((module) => ({ default: module.StatisticsPage })));

export function AgencyRoutes() {
  return (
    <>
      <AgencyNav />
      <Routes>
        <Route index element={<AgencyHome />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="catalogue/:id" element={<ServicePage />} />
        <Route path="connections" element={<ConnectionsPage />} />
        <Route path="connections/inbox" element={<ConnectionsPage inbox />} />
        <Route path="connections/new" element={<NewConnectionPage />} />
        <Route path="connections/:id" element={<ConnectionPage />} />
        <Route path="statistics" element={<Suspense fallback={<Loading />}><StatisticsPage /></Suspense>} />
        <Route path="data-errors" element={<DataErrorReportsPage />} />
        <Route path="data-errors/new" element={<ReportDataErrorPage />} />
        <Route path="data-errors/:id" element={<DataErrorReportPage />} />
        <Route path="corrections" element={<CorrectionNoticesPage />} />
        <Route path="usage-inquiries" element={<UsageInquiriesPage />} />
        <Route path="usage-inquiries/new" element={<AskUsageInquiryPage />} />
        <Route path="usage-inquiries/:id" element={<UsageInquiryPage />} />
      </Routes>
    </>
  );
}

function Loading() {
  return <p role="status">{useText().common.loading}</p>;
}
