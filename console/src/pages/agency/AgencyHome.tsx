// The agency area's first page: its sections, and a sub-navigation every agency page shows.
import { Link } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';
import { CATALOGUE_READERS } from './shared/agencyRoles.ts';

export const SECTIONS = [
  { key: 'catalogue', path: '/agency/catalogue' },
  { key: 'connections', path: '/agency/connections' },
  { key: 'inbox', path: '/agency/connections/inbox' },
  { key: 'statistics', path: '/agency/statistics' },
  { key: 'dataErrors', path: '/agency/data-errors' },
  { key: 'corrections', path: '/agency/corrections' },
  { key: 'inquiries', path: '/agency/usage-inquiries' },
] as const;

export function AgencyHome() {
  const t = useText();
  return (
    <Page title={t.agency.title} roles={CATALOGUE_READERS}>
      <p>{t.agency.intro}</p>
      <ul className="cards">
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <Link to={section.path}>{t.agency.sections[section.key].title}</Link>
            <p>{t.agency.sections[section.key].text}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
