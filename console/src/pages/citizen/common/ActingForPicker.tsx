// "Acting for: myself / a minor child", above every page of the citizen's area, for a parent only: the
// children are those the population register records as theirs and under 18, named.
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { useActingFor } from './actingFor.tsx';

export function ActingForPicker() {
  const t = useText().citizen.actingFor;
  const dates = useDates();
  const { child, actFor, minorChildren: children } = useActingFor();
  if (children.length === 0) return null;
  const chosen = children.find(({ id }) => id === child);
  return (
    <fieldset className="acting-for">
      <legend>{t.legend}</legend>
      <label>
        <input type="radio" name="acting-for" checked={child === null} onChange={() => actFor(null)} /> {t.myself}
      </label>
      {children.map(({ id, fullName, dateOfBirth }) => (
        <label key={id}>
          <input type="radio" name="acting-for" value={id} checked={child === id} onChange={() => actFor(id)} /> {t.childOption(fullName ?? id, dateOfBirth ? dates.day(dateOfBirth) : null)}
        </label>
      ))}
      {chosen && <p className="ok" role="status">{t.actingForChild(chosen.fullName ?? chosen.id)}</p>}
    </fieldset>
  );
}
