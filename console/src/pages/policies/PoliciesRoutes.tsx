// The policies area's pages (routes below /console/policies).
import { Route, Routes } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';

function PoliciesHome() {
  const t = useText();
  return <Page title={t.policies.title} roles={['security-officer']}>{null}</Page>;
}

export function PoliciesRoutes() {
  return (
    <Routes>
      <Route index element={<PoliciesHome />} />
    </Routes>
  );
}
