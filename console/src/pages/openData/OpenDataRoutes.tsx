// The openData area's pages (routes below /console/open-data).
import { Route, Routes } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';

function OpenDataHome() {
  const t = useText();
  return <Page title={t.openData.title}>{null}</Page>;
}

export function OpenDataRoutes() {
  return (
    <Routes>
      <Route index element={<OpenDataHome />} />
    </Routes>
  );
}
