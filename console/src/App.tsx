// The route table: each area owns the routes below its path (pages/<area>/<Area>Routes.tsx).
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Layout } from './Layout.tsx';
import { AgencyRoutes } from './pages/agency/AgencyRoutes.tsx';
import { CitizenRoutes } from './pages/citizen/CitizenRoutes.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { OpenDataRoutes } from './pages/openData/OpenDataRoutes.tsx';
import { PoliciesRoutes } from './pages/policies/PoliciesRoutes.tsx';
import { SignInPage } from './session/SignInPage.tsx';
import { SessionProvider } from './session/session.tsx';
import { LanguageProvider, useText } from './text/language.tsx';
import { Page } from './ui/Page.tsx';

function NotFound() {
  const t = useText();
  return <Page title={t.common.notFoundTitle}>{t.common.notFoundText}</Page>;
}

export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <BrowserRouter basename="/console">
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="policies/*" element={<PoliciesRoutes />} />
              <Route path="me/*" element={<CitizenRoutes />} />
              <Route path="agency/*" element={<AgencyRoutes />} />
              <Route path="open-data/*" element={<OpenDataRoutes />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LanguageProvider>
  );
}
