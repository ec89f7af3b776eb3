// One facet of the catalogue as a labelled list: "all" and each value with the number of datasets it gives.
import { useText } from '../../text/language.tsx';
import { Field } from '../../ui/Field.tsx';
import type { FacetValue } from './catalogueFacets.ts';

interface FacetSelectProps {
  name: string;
  label: string;
  values: FacetValue[];
  allCount: number;
  chosen: string | null;
  nameOf: (value: string) => string;
  onChoose: (value: string | null) => void;
}

export function FacetSelect({ name, label, values, allCount, chosen, nameOf, onChoose }: FacetSelectProps) {
  const t = useText();
  const sorted = [...values].sort((a, b) => nameOf(a.value).localeCompare(nameOf(b.value)));
  return (
    <Field label={label}>
      <select name={name} value={chosen ?? ''} onChange={(event) => onChoose(event.target.value || null)}>
        <option value="">{t.openData.facetAll(allCount)}</option>
        {sorted.map(({ value, count }) => (
          <option key={value} value={value}>
            {t.openData.facetValue(nameOf(value), count)}
          </option>
        ))}
      </select>
    </Field>
  );
}
