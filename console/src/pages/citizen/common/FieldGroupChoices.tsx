// Field groups to tick, each said in words, under the register that holds it: the group's name, the
// record it is part of, and the fields it holds. Shared by the consent form and the data-request form.
import { useText } from '../../../text/language.tsx';
import { groupWords, registerOf } from './describeData.ts';

export interface ChoosableGroup {
  id: string;
  level: string;
  fields: string[];
}

interface Props {
  legend: string;
  hint?: string;
  groups: ChoosableGroup[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}

export function FieldGroupChoices({ legend, hint, groups, chosen, onChange }: Props) {
  const t = useText().citizen;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  const registers = [...new Set(groups.map((group) => registerOf(group.id)))];
  return (
    <fieldset className="group-choices">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {registers.map((register) => (
        <div key={register} className="group-register">
          <p className="group-register-name">{t.registers[register] ?? register}</p>
          <ul>
            {groups
              .filter((group) => registerOf(group.id) === register)
              .map((group) => {
                const words = groupWords(t, group.id, group.fields);
                return (
                  <li key={group.id}>
                    <label>
                      <input type="checkbox" name="fieldGroups" value={group.id} checked={chosen.includes(group.id)} onChange={(event) => toggle(group.id, event.target.checked)} />{' '}
                      <strong>{words.name}</strong> ({words.record})
                      <span className="group-fields">
                        {words.fields}
                        {t.groups.level[group.level] ? ` · ${t.groups.level[group.level]}` : ''}
                      </span>
                    </label>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
