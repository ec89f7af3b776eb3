// Editing one policy file: the server's problems at their lines as one types, the plain-language diff
// against the version in force, and proposing it with a reason.
import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../graphql/useAnswer.ts';
import { useText } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { ChangeList } from './ChangeList.tsx';
import { PolicyEditor, type Reveal } from './PolicyEditor.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { FILES_IN_FORCE, type PolicySnapshot } from './policyQueries.ts';
import { problemText } from './problemText.ts';
import { ProposeForm } from './ProposeForm.tsx';
import { useReferenceLists } from '../../ui/useReferenceLists.ts';
import { useEditCheck } from './useEditCheck.ts';

export function EditPolicyPage() {
  const texts = useText();
  const t = texts.policies;
  const [params] = useSearchParams();
  const path = params.get('file') ?? '';
  const labelId = useId();
  const answer = useAnswer<{ policiesInForce: PolicySnapshot | null }>(FILES_IN_FORCE);
  const catalogue = useReferenceLists();
  const snapshot = answer.data?.policiesInForce ?? null;
  const original = snapshot?.files.find((file) => file.path === path)?.content ?? null;
  const [text, setText] = useState<string | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const { check, errors, checking } = useEditCheck(snapshot?.version ?? null, path, text);
  const here = useMemo(
    () => (check?.problems ?? []).filter((problem) => problem.file === path && problem.line !== null).map((problem) => ({ line: problem.line!, message: problemText(problem, t) })),
    [check, path, t],
  );
  const elsewhere = (check?.problems ?? []).filter((problem) => problem.file !== path || problem.line === null);
  const changed = check !== null && check.changedFiles.length > 0;

  return (
    <PolicyPage title={t.edit.title(path)}>
      <p>
        <Link to="/policies">{t.edit.back}</Link>
      </p>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p>{texts.common.loading}</p>}
      {snapshot && original === null && <p>{t.edit.noFile}</p>}
      {snapshot && original !== null && (
        <>
          <p>{t.edit.intro}</p>
          <h2 id={labelId}>{t.edit.editorLabel(path)}</h2>
          <PolicyEditor initial={original} labelledBy={labelId} problems={here} reveal={reveal} onChange={setText} />
          <div aria-live="polite" className="check-status">
            {checking ? <p>{t.edit.checking}</p> : check && !check.valid ? null : check && changed ? <p className="ok">{t.edit.valid}</p> : <p>{t.edit.unchanged}</p>}
          </div>
          <ErrorList errors={errors} />
          {check && !check.valid && (
            <section aria-labelledby={`${labelId}-problems`} className="errors problems">
              <h2 id={`${labelId}-problems`}>{t.edit.problems}</h2>
              <p className="hint">{t.edit.problemsHint}</p>
              <ul>
                {here.map((problem, index) => (
                  <li key={`here-${index}`}>
                    <button type="button" className="link" onClick={() => setReveal({ line: problem.line })}>
                      {t.edit.problemAt(problem.line, problem.message)}
                    </button>
                  </li>
                ))}
                {elsewhere.map((problem, index) => (
                  <li key={`elsewhere-${index}`}>{t.edit.problemIn(problem.file ?? '', problem.line, problemText(problem, t))}</li>
                ))}
              </ul>
            </section>
          )}
          {check && check.valid && changed && (
            <section aria-labelledby={`${labelId}-diff`}>
              <h2 id={`${labelId}-diff`}>{t.edit.diff}</h2>
              <p className={check.widening ? 'widening-note' : 'ok'}>{check.widening ? t.edit.wideningNote : t.edit.narrowingNote}</p>
              <ChangeList changes={check.changes} catalogue={catalogue} />
              <ProposeForm baseVersion={snapshot.version} path={path} text={text ?? original} />
            </section>
          )}
        </>
      )}
    </PolicyPage>
  );
}
