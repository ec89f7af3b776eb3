// The agency area's sections, above each of its pages.
import { useSession } from '../../session/session.tsx';
import { useText } from '../../text/language.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { SECTIONS } from './AgencyHome.tsx';

export function AgencyNav() {
  const t = useText();
  const { session } = useSession();
  if (!session) return null;
  return (
    <Tabs
      label={t.agency.sectionsLabel}
      className="agency-nav"
      tabs={SECTIONS.map((section) => ({ to: section.path, label: t.agency.sections[section.key].title, end: section.key === 'connections' }))}
    />
  );
}
