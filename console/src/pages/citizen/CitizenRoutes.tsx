// The citizen area's pages (routes below /console/me).
import { Route, Routes } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';

function CitizenHome() {
  const t = useText();
  return <Page title={t.citizen.title} roles={['citizen']}>{null}</Page>;
}

export function CitizenRoutes() {
  return (
    <Routes>
      <Route index element={<CitizenHome />} />
    </Routes>
  );
}
