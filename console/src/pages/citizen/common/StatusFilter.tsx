// A list's filter by status: every status, or one, named in the reader's language.
import { Field } from '../../../ui/Field.tsx';

export function StatusFilter({ label, allLabel, statuses, names, value, onChange }: {
  label: string;
  allLabel: string;
  statuses: readonly string[];
  names: Record<string, string>;
  value: string;
  onChange: (status: string) => void;
}) {
  return (
    <div className="filters">
      <Field label={label}>
        <select name="status" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{allLabel}</option>
          {statuses.map((code) => (
            <option key={code} value={code}>
              {names[code]}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
