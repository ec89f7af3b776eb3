// The terms of a connection request a consumer writes and may change while it is a draft or returned:
// legal basis, the system that will call, a contact, and the period asked for.
import { useText } from '../../../text/language.tsx';
import { Field } from '../../../ui/Field.tsx';
import type { ReferenceLists } from '../../../ui/useReferenceLists.ts';

export const TERMS = ['legalBasis', 'systemName', 'contact', 'periodStart', 'periodEnd'] as const;
export type Term = (typeof TERMS)[number];

export function ConnectionTermsFields({ values, set, lists, choosePrompt }: {
  values: Record<Term, string>;
  set: (term: Term) => (event: { target: { value: string } }) => void;
  lists: ReferenceLists;
  /** A first, empty choice of legal basis (a new request has none yet). */
  choosePrompt?: string;
}) {
  const f = useText().agency.requestForm;
  return (
    <>
      <Field label={f.legalBasis}>
        <select name="legalBasis" value={values.legalBasis} onChange={set('legalBasis')} required>
          {choosePrompt !== undefined && <option value="">{choosePrompt}</option>}
          {lists.legalBases.map((basis) => <option key={basis.code} value={basis.code}>{lists.legalBasisTitle(basis.code)}</option>)}
        </select>
      </Field>
      <Field label={f.systemName}>
        <input name="systemName" value={values.systemName} onChange={set('systemName')} required />
      </Field>
      <Field label={f.contact}>
        <input name="contact" value={values.contact} onChange={set('contact')} required />
      </Field>
      <Field label={f.periodStart}>
        <input name="periodStart" type="date" value={values.periodStart} onChange={set('periodStart')} required />
      </Field>
      <Field label={f.periodEnd}>
        <input name="periodEnd" type="date" value={values.periodEnd} onChange={set('periodEnd')} required />
      </Field>
    </>
  );
}
