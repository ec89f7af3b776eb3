// A page: its title (also the document's), and what it needs of the session before it shows anything.
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { hasRole, useSession } from '../session/session.tsx';
import { useText } from '../text/language.tsx';

export function Page({ title, roles, children }: { title: string; roles?: string[]; children: ReactNode }) {
  const t = useText();
  const { session } = useSession();
  useEffect(() => {
    document.title = `${title} · ${t.common.appName}`;
  }, [title, t]);
  const body =
    roles && !session ? (
      <p>
        {t.common.signInRequired} <Link to="/sign-in">{t.common.signIn}</Link>
      </p>
    ) : roles && !hasRole(session, ...roles) ? (
      <p>{t.common.notForYourRole}</p>
    ) : (
      children
    );
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {body}
    </section>
  );
}
