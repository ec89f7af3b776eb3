// Words to search the catalogue for: asked of the gateway when submitted (not on every key, since an
// anonymous reader's requests are rate limited).
import { useEffect, useState, type FormEvent } from 'react';
import { useText } from '../../text/language.tsx';
import { Field } from '../../ui/Field.tsx';

export function SearchForm({ text, onSearch }: { text: string; onSearch: (text: string) => void }) {
  const t = useText();
  const [typed, setTyped] = useState(text);
  useEffect(() => setTyped(text), [text]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(typed);
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <Field label={t.openData.searchLabel} hint={t.openData.searchHint}>
        <input type="search" name="q" value={typed} maxLength={200} onChange={(event) => setTyped(event.target.value)} />
      </Field>
      <button type="submit">{t.openData.searchButton}</button>
    </form>
  );
}
