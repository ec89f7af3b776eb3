// The citizen area's pages (routes below /console/me): my record, my consents, my data requests, who used
// my data. The directory (agency and purpose names) and whom the citizen acts for are kept for the area.
import { Route, Routes } from 'react-router-dom';
import { CitizenHome } from './CitizenHome.tsx';
import { AccessLogPage } from './accessLog/AccessLogPage.tsx';
import { ActingForProvider } from './common/actingFor.tsx';
import { DirectoryProvider } from './common/directory.tsx';
import { MyConsentsPage } from './consents/MyConsentsPage.tsx';
import { MyRecordPage } from './record/MyRecordPage.tsx';
import { MyRequestsPage } from './requests/MyRequestsPage.tsx';
import './citizen.css';

export function CitizenRoutes() {
  return (
    <DirectoryProvider>
      <ActingForProvider>
        <Routes>
          <Route index element={<CitizenHome />} />
          <Route path="record" element={<MyRecordPage />} />
          <Route path="consents" element={<MyConsentsPage />} />
          <Route path="requests" element={<MyRequestsPage />} />
          <Route path="access-log" element={<AccessLogPage />} />
        </Routes>
      </ActingForProvider>
    </DirectoryProvider>
  );
}
