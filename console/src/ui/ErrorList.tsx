// Errors of an answer, said to a person: the reason's text in the current language when it is known,
// with the gateway's message (which names the field, agency or format) and the code.
import type { AskError } from '../graphql/ask.ts';
import { useText } from '../text/language.tsx';

export function ErrorList({ errors }: { errors: AskError[] }) {
  const t = useText();
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
          return (
            <li key={index}>
              {said && <strong>{said}. </strong>}
              {error.message}
              {error.path && <> ({error.path.join('.')})</>}
              {(reason || code) && <span className="code"> [{t.common.errorCode}: {reason ?? code}]</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
