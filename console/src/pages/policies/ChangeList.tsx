// A change's plain-language sentences in the reader's language, each marked as widening access or not.
import { useText } from '../../text/language.tsx';
import { changeSentence } from './changeSentence.ts';
import type { PolicyChangeSentence } from './policyQueries.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';

export function ChangeList({ changes, catalogue }: { changes: PolicyChangeSentence[]; catalogue: ReferenceLists }) {
  const t = useText().policies;
  return (
    <ul className="changes">
      {changes.map((change, index) => {
        const said = changeSentence(change.detail, t, catalogue);
        return (
          <li key={index} className={change.widening ? 'widening' : 'narrowing'}>
            <strong className="change-kind">{change.widening ? t.edit.widens : t.edit.narrows}:</strong>{' '}
            {said ?? <span lang="en">{change.text}</span>}
          </li>
        );
      })}
    </ul>
  );
}
