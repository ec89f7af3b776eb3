// Every page's frame: a skip link, the header (name, navigation by role, language switch, who is signed
// in), and the main landmark the page renders into.
import { Link, NavLink, Outlet } from 'react-router-dom';
import { AREAS } from './areas.ts';
import { useSession } from './session/session.tsx';
import { useLanguage } from './text/language.tsx';

export function Layout() {
  const { texts: t, language, setLanguage } = useLanguage();
  const { session, signOut } = useSession();
  const who = session ? [session.roles.map((role) => t.common.roles[role] ?? role).join(', '), session.agency, session.sub].filter(Boolean).join(' · ') : null;
  return (
    <>
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t.common.appName}
        </Link>
        <nav aria-label={t.common.mainNavigation}>
          <ul>
            {AREAS.filter((area) => area.visibleTo(session)).map((area) => (
              <li key={area.path}>
                <NavLink to={area.path}>{t.home.areas[area.key].title}</NavLink>
              </li>
            ))}
            <li>
              <a href="/">{t.home.areas.playground.title}</a>
            </li>
          </ul>
        </nav>
        <div className="account">
          <button type="button" lang={language === 'vi' ? 'en' : 'vi'} aria-label={t.common.switchLanguageLabel} onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}>
            {t.common.switchLanguage}
          </button>
          {session ? (
            <>
              <span className="who">{t.common.signedInAs(who ?? '')}</span>
              <button type="button" onClick={signOut}>
                {t.common.signOut}
              </button>
            </>
          ) : (
            <Link to="/sign-in">{t.common.signIn}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
