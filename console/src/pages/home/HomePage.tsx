import { Link } from 'react-router-dom';
import { AREAS } from '../../areas.ts';
import { useSession } from '../../session/session.tsx';
import { useText } from '../../text/language.tsx';
import { Page } from '../../ui/Page.tsx';

export function HomePage() {
  const t = useText();
  const { session } = useSession();
  return (
    <Page title={t.home.title}>
      <p>{t.home.intro}</p>
      <ul className="cards">
        {AREAS.filter((area) => area.visibleTo(session)).map((area) => (
          <li key={area.path}>
            <Link to={area.path}>{t.home.areas[area.key].title}</Link>
            <p>{t.home.areas[area.key].text}</p>
          </li>
        ))}
        <li>
          <a href="/">{t.home.areas.playground.title}</a>
          <p>{t.home.areas.playground.text}</p>
        </li>
      </ul>
      {!session && (
        <p>
          <Link to="/sign-in">{t.common.signIn}</Link>
        </p>
      )}
    </Page>
  );
}
