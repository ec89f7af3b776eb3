// The agency area's sections, above each of its pages.
import { NavLink } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useText } from '../../text/language.tsx';
import { SECTIONS } from './AgencyHome.tsx';

export function AgencyNav() {
  const t = useText();
  const { session } = useSession();
  if (!session) return null;
  return (
    <nav aria-label={t.agency.sectionsLabel}>
      <ul className="tabs agency-nav">
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <NavLink to={section.path} end={section.key === 'connections'}>{t.agency.sections[section.key].title}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
