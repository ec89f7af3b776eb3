// The agency area's pages (routes below /console/agency).
import { Route, Routes } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';

function AgencyHome() {
  const t = useText();
  return <Page title={t.agency.title} roles={['officer', 'system', 'data-protection-officer', 'publisher', 'security-officer', 'platform-admin']}>{null}</Page>;
}

export function AgencyRoutes() {
  return (
    <Routes>
      <Route index element={<AgencyHome />} />
    </Routes>
  );
}
