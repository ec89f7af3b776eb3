// Errors of an answer, said to a person in the current language: the words for the reason or code, where
// the error was (its path) and the code. The server's message is English and names the field, agency or
// format: in English it follows the words; in Vietnamese it is kept under "details", marked as English,
// unless no words are known for the error, when it is all there is to say.
import type { AskError } from '../graphql/ask.ts';
import { useLanguage, useText } from '../text/language.tsx';

export function ErrorList({ errors }: { errors: AskError[] }) {
  const t = useText();
  const { language } = useLanguage();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="errors">
      <ul>
        {errors.map((error, index) => {
          const code = error.extensions?.code;
          const reason = error.extensions?.reason;
          const said =
            code === 'NETWORK' ? t.common.requestFailed
            : code === 'TOO_MANY_REQUESTS' ? t.common.tooManyRequests(String(error.extensions?.retryAfter ?? '1'))
            : (reason && t.common.reasons[reason]) || (code && t.common.reasons[code]) || '';
          const inline = error.localized || language === 'en' || !said;
          return (
            <li key={index}>
              {said && <strong>{said}. </strong>}
              {inline && <span lang={error.localized ? undefined : 'en'}>{error.message}</span>}
              {error.path && <> ({error.path.join('.')})</>}
              {(reason || code) && <span className="code"> [{t.common.errorCode}: {reason ?? code}]</span>}
              {!inline && error.message && (
                <details>
                  <summary>{t.common.serverDetail}</summary>
                  <span lang="en">{error.message}</span>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
