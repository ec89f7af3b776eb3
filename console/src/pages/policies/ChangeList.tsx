// A change's plain-language sentences, each marked as widening access or not.
import { useText } from '../../text/language.tsx';
import type { PolicyChangeSentence } from './policyQueries.ts';

export function ChangeList({ changes }: { changes: PolicyChangeSentence[] }) {
  const t = useText().policies;
  return (
    <ul className="changes">
      {changes.map((change, index) => (
        <li key={index} className={change.widening ? 'widening' : 'narrowing'}>
          <strong className="change-kind">{change.widening ? t.edit.widens : t.edit.narrows}</strong>{' '}
          <span lang="en">{change.text}</span>
        </li>
      ))}
    </ul>
  );
}
