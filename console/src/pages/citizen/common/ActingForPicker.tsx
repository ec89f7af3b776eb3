// "Acting for: myself / my minor child": the child is named by their personal id (the platform lists no
// one's children; the ids the citizen already acted for are offered from their consents and requests).
import { useEffect, useState } from 'react';
import { Field } from '../../../ui/Field.tsx';
import { useText } from '../../../text/language.tsx';
import { PERSONAL_ID, useActingFor } from './actingFor.tsx';

export function ActingForPicker({ knownChildren }: { knownChildren: string[] }) {
  const t = useText().citizen.actingFor;
  const { child, pending, actFor } = useActingFor();
  const [forChild, setForChild] = useState(child !== null || pending);
  const [typed, setTyped] = useState(child ?? '');
  useEffect(() => {
    const valid = PERSONAL_ID.test(typed);
    actFor({ child: forChild && valid ? typed : null, pending: forChild && !valid });
  }, [forChild, typed, actFor]);
  const invalid = forChild && typed !== '' && !PERSONAL_ID.test(typed);
  return (
    <fieldset className="acting-for">
      <legend>{t.legend}</legend>
      <label>
        <input type="radio" name="acting-for" checked={!forChild} onChange={() => setForChild(false)} /> {t.myself}
      </label>
      <label>
        <input type="radio" name="acting-for" checked={forChild} onChange={() => setForChild(true)} /> {t.child}
      </label>
      {forChild && (
        <div className="acting-for-child">
          <Field label={t.childId} hint={invalid ? t.mustBeId : t.childIdHint}>
            <input
              name="childId"
              value={typed}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              aria-invalid={invalid || undefined}
              onChange={(event) => setTyped(event.target.value.trim())}
            />
          </Field>
          {knownChildren.length > 0 && (
            <p className="known-children">
              {t.knownChildren}:{' '}
              {knownChildren.map((id) => (
                <button key={id} type="button" className="secondary" aria-pressed={typed === id} onClick={() => setTyped(id)}>
                  {id}
                </button>
              ))}
            </p>
          )}
          {child && <p className="ok" role="status">{t.actingForChild(child)}</p>}
        </div>
      )}
    </fieldset>
  );
}
