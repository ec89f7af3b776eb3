// /console/me: the citizen's four pages, each with what it is for.
import { Link } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';
import { CITIZEN_PAGES, useCitizenPageTitle } from './CitizenNav.tsx';

export function CitizenHome() {
  const t = useText().citizen;
  const title = useCitizenPageTitle();
  const about = { record: t.home.record, consents: t.home.consents, requests: t.home.requests, 'access-log': t.home.accessLog };
  return (
    <Page title={t.title} roles={['citizen']}>
      <p>{t.intro}</p>
      <ul className="cards">
        {CITIZEN_PAGES.map((page) => (
          <li key={page}>
            <Link to={`/me/${page}`}>{title(page)}</Link>
            <p>{about[page]}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
