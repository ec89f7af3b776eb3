// A new connection request (ConnectionRequestInput), kept as a draft: the officer submits it from the
// request's page. Opened from a service of the catalogue, its owner and service are chosen already.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { AskError } from '../../../graphql/ask.ts';
import { useAnswer, useAsk } from '../../../graphql/useAnswer.ts';
import { useSession } from '../../../session/session.tsx';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { vietnamDay } from '../../../ui/dates.ts';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';
import { connectionPath, DRAFT } from './connectionQueries.ts';
import { ConnectionTermsFields } from './ConnectionTermsFields.tsx';

const OWNER_SERVICES = `query OwnerServices($owner: String!) {
  sharingServices(filter: { ownerAgency: $owner, status: ACTIVE }, first: 200) { nodes { id description } }
}`;

export function NewConnectionPage() {
  const t = useText();
  return (
    <Page title={t.agency.requestForm.title} roles={['officer']}>
      <NewConnectionForm />
    </Page>
  );
}

function NewConnectionForm() {
  const t = useText();
  const f = t.agency.requestForm;
  const { session } = useSession();
  const ask = useAsk();
  const navigate = useNavigate();
  const lists = useReferenceLists();
  const [params] = useSearchParams();
  const fromService = params.get('service');
  const [owner, setOwner] = useState('');
  const [groups, setGroups] = useState<string[]>(fromService ? [fromService] : []);
  const [values, setValues] = useState({ purpose: '', legalBasis: '', systemName: '', contact: '', periodStart: vietnamDay(), periodEnd: vietnamDay(365) });
  const [errors, setErrors] = useState<AskError[]>([]);
  const [busy, setBusy] = useState(false);
  // The service's owner, once known: a service id is <policy>:<group>, its owner is in the catalogue.
  const serviceOwner = useAnswer<{ sharingService: { ownerAgency: string } | null }>(fromService ? 'query ($id: ID!) { sharingService(id: $id) { ownerAgency } }' : null, { id: fromService });
  const chosenOwner = owner || serviceOwner.data?.sharingService?.ownerAgency || '';
  const services = useAnswer<{ sharingServices: { nodes: { id: string; description: string }[] } | null }>(chosenOwner ? OWNER_SERVICES : null, { owner: chosenOwner });
  const declarable = lists.purposes.filter((purpose) => session?.roles.some((role) => purpose.declarableBy.roles.includes(role)) && (purpose.declarableBy.agencies === null || purpose.declarableBy.agencies.includes(session.agency ?? '')));
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const toggle = (id: string, on: boolean) => setGroups(on ? [...groups, id] : groups.filter((group) => group !== id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask<{ draftConnectionRequest: { id: string } | null }>(DRAFT, { input: { ...values, fieldGroups: groups } });
    setBusy(false);
    setErrors(answer.errors);
    const id = answer.data?.draftConnectionRequest?.id;
    if (id && answer.errors.length === 0) navigate(connectionPath(id));
  };
  return (
    <form className="form" onSubmit={submit}>
      <p>{f.intro}</p>
      <Field label={f.owner}>
        <select name="ownerAgency" value={chosenOwner} onChange={(event) => { setOwner(event.target.value); setGroups([]); }} required>
          <option value="">{f.chooseOwner}</option>
          {lists.agencies.filter((agency) => agency.code !== session?.agency).map((agency) => <option key={agency.code} value={agency.code}>{agency.name}</option>)}
        </select>
      </Field>
      {chosenOwner && (
        <fieldset>
          <legend>{f.services}</legend>
          <ErrorList errors={services.errors} />
          {services.data?.sharingServices?.nodes.length === 0 && <p>{f.noServices}</p>}
          <ul className="agency-checklist">
            {services.data?.sharingServices?.nodes.map((service) => (
              <li key={service.id}>
                <label className="agency-check">
                  <input type="checkbox" name="fieldGroups" value={service.id} checked={groups.includes(service.id)} onChange={(event) => toggle(service.id, event.target.checked)} /> <code>{service.id}</code>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <Field label={f.purpose}>
        <select name="purpose" value={values.purpose} onChange={set('purpose')} required>
          <option value="">{f.choosePurpose}</option>
          {declarable.map((purpose) => <option key={purpose.code} value={purpose.code}>{purpose.name}</option>)}
        </select>
      </Field>
      <ConnectionTermsFields values={values} set={set} lists={lists} choosePrompt={f.chooseLegalBasis} />
      <ErrorList errors={[...lists.errors, ...errors]} />
      <button type="submit" disabled={busy}>{f.saveDraft}</button>
    </form>
  );
}
