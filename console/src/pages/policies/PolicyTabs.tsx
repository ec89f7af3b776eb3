// The console's own navigation between its pages (a tab row; could be shared by other areas).
import { NavLink } from 'react-router-dom';
import { useText } from '../../text/language.tsx';

export function PolicyTabs() {
  const t = useText().policies;
  const tabs = [
    { to: '/policies', label: t.tabs.inForce, end: true },
    { to: '/policies/explain', label: t.tabs.explain, end: false },
    { to: '/policies/proposals', label: t.tabs.proposals, end: false },
    { to: '/policies/versions', label: t.tabs.versions, end: false },
  ];
  return (
    <nav aria-label={t.tabs.label}>
      <ul className="tabs">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
