// The security officer's policy console (routes below /console/policies).
import { Route, Routes } from 'react-router-dom';
import { EditPolicyPage } from './EditPolicyPage.tsx';
import { ExplainPage } from './ExplainPage.tsx';
import { InForcePage } from './InForcePage.tsx';
import { ProposalsPage } from './ProposalsPage.tsx';
import { VersionsPage } from './VersionsPage.tsx';
import './policies.css';

export function PoliciesRoutes() {
  return (
    <Routes>
      <Route index element={<InForcePage />} />
      <Route path="edit" element={<EditPolicyPage />} />
      <Route path="explain" element={<ExplainPage />} />
      <Route path="proposals" element={<ProposalsPage />} />
      <Route path="versions" element={<VersionsPage />} />
    </Routes>
  );
}
