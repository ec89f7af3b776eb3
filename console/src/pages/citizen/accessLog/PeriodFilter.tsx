// The period the log is shown for: two calendar days in Vietnam, the second included.
import { useState, type FormEvent } from 'react';
import { useText } from '../../../text/language.tsx';
import { Field } from '../../../ui/Field.tsx';

export interface Period {
  from: string;
  until: string;
}

export function PeriodFilter({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const t = useText().citizen.accessLog;
  const [from, setFrom] = useState(period.from);
  const [until, setUntil] = useState(period.until);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ from, until });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t.period}>
      <Field label={t.from}>
        <input type="date" name="from" value={from} max={until || undefined} onChange={(event) => setFrom(event.target.value)} />
      </Field>
      <Field label={t.until}>
        <input type="date" name="until" value={until} min={from || undefined} onChange={(event) => setUntil(event.target.value)} />
      </Field>
      <button type="submit">{t.show}</button>
    </form>
  );
}
