// The security officer's policy console (routes below /console/policies).
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { ExplainPage } from './ExplainPage.tsx';
import { InForcePage } from './InForcePage.tsx';
import { ProposalsPage } from './ProposalsPage.tsx';
import { VersionsPage } from './VersionsPage.tsx';
import './policies.css';

// The editor (CodeMirror) is loaded only when a file is edited, so no other page waits for it.
const EditPolicyPage = lazy(() => import('./EditPolicyPage.tsx').then((module) => ({ default: module.EditPolicyPage })));

function Editing() {
  const t = useText();
  return (
    <Suspense fallback={<p>{t.common.loading}</p>}>
      <EditPolicyPage />
    </Suspense>
  );
}

export function PoliciesRoutes() {
  return (
    <Routes>
      <Route index element={<InForcePage />} />
      <Route path="edit" element={<Editing />} />
      <Route path="explain" element={<ExplainPage />} />
      <Route path="proposals" element={<ProposalsPage />} />
      <Route path="versions" element={<VersionsPage />} />
    </Routes>
  );
}
