// The openData area's pages (routes below /console/open-data), for anyone: no sign-in is needed.
import { Route, Routes } from 'react-router-dom';
import { CataloguePage } from './CataloguePage.tsx';
import { DatasetPage } from './DatasetPage.tsx';
import { ReportProblemPage } from './ReportProblemPage.tsx';
import './openData.css';

export function OpenDataRoutes() {
  return (
    <Routes>
      <Route index element={<CataloguePage />} />
      <Route path=":id" element={<DatasetPage />} />
      <Route path=":id/report" element={<ReportProblemPage />} />
    </Routes>
  );
}
