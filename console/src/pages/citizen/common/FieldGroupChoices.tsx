// Field groups to tick, each said in words: its name, the record and register it is part of, and the
// fields it holds. Shared by the consent form and the data-request form.
import { useText } from '../../../text/language.tsx';
import { groupWords } from './describeData.ts';

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
  const texts = useText();
  const t = texts.citizen;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <fieldset className="group-choices">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      <ul>
        {groups.map((group) => {
          const words = groupWords(t, group.id, group.fields);
          return (
            <li key={group.id}>
              <label>
                <input type="checkbox" name="fieldGroups" value={group.id} checked={chosen.includes(group.id)} onChange={(event) => toggle(group.id, event.target.checked)} />{' '}
                <strong>{words.title}</strong>
                <span className="group-fields">
                  {words.fields}
                  {t.groups.level[group.level] ? ` · ${t.groups.level[group.level]}` : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
