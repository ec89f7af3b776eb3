// The policy console's own navigation between its pages.
import { useText } from '../../text/language.tsx';
import { Tabs } from '../../ui/Tabs.tsx';

export function PolicyTabs() {
  const t = useText().policies;
  return (
    <Tabs
      label={t.tabs.label}
      tabs={[
        { to: '/policies', label: t.tabs.inForce, end: true },
        { to: '/policies/explain', label: t.tabs.explain },
        { to: '/policies/proposals', label: t.tabs.proposals },
        { to: '/policies/versions', label: t.tabs.versions },
      ]}
    />
  );
}
