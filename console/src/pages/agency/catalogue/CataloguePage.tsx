// The catalogue of sharing services: the API's filters (words, owner, classification, purpose, status),
// kept in the address so a search can be shared and the back button returns to it.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CATALOGUE_READERS } from '../shared/agencyRoles.ts';
import { CursorPager, useCursorPages } from '../shared/CursorPager.tsx';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';
import { CLASSIFICATIONS, SERVICE_STATUSES, SERVICES, servicePath, type ServiceSummary } from './catalogueQueries.ts';

const FILTER_KEYS = ['text', 'ownerAgency', 'classification', 'purpose', 'status'] as const;

export function CataloguePage() {
  const t = useText();
  return (
    <Page title={t.agency.catalogue.title} roles={CATALOGUE_READERS}>
      <Catalogue />
    </Page>
  );
}

function Catalogue() {
  const t = useText();
  const lists = useReferenceLists();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? '']).filter(([, value]) => value));
  const pages = useCursorPages(JSON.stringify(filter));
  const answer = useAnswer<{ sharingServices: { nodes: ServiceSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } | null }>(SERVICES, { filter, after: pages.after });
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])));
  const set = (key: string) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim())));
  };
  const services = answer.data?.sharingServices;
  return (
    <>
      <form className="form agency-filters" role="search" onSubmit={search} aria-label={t.agency.filters}>
        <Field label={t.agency.catalogue.text} hint={t.agency.catalogue.textHint}>
          <input name="text" type="search" value={draft.text} onChange={set('text')} />
        </Field>
        <Field label={t.agency.catalogue.owner}>
          <select name="ownerAgency" value={draft.ownerAgency} onChange={set('ownerAgency')}>
            <option value="">{t.agency.anyOption}</option>
            {lists.agencies.map((agency) => <option key={agency.code} value={agency.code}>{agency.name}</option>)}
          </select>
        </Field>
        <Field label={t.agency.catalogue.classification}>
          <select name="classification" value={draft.classification} onChange={set('classification')}>
            <option value="">{t.agency.anyOption}</option>
            {CLASSIFICATIONS.map((code) => <option key={code} value={code}>{t.agency.classifications[code]}</option>)}
          </select>
        </Field>
        <Field label={t.agency.catalogue.purpose}>
          <select name="purpose" value={draft.purpose} onChange={set('purpose')}>
            <option value="">{t.agency.anyOption}</option>
            {lists.purposes.map((purpose) => <option key={purpose.code} value={purpose.code}>{purpose.name}</option>)}
          </select>
        </Field>
        <Field label={t.agency.catalogue.status}>
          <select name="status" value={draft.status} onChange={set('status')}>
            <option value="">{t.agency.anyOption}</option>
            {SERVICE_STATUSES.map((code) => <option key={code} value={code}>{t.agency.serviceStatuses[code]}</option>)}
          </select>
        </Field>
        <button type="submit">{t.common.search}</button>
      </form>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p role="status">{t.common.loading}</p>}
      {services && (
        <>
          <table className="agency-table">
            <caption>{t.agency.catalogue.caption(services.nodes.length, services.totalCount)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agency.catalogue.service}</th>
                <th scope="col">{t.agency.catalogue.owner}</th>
                <th scope="col">{t.agency.catalogue.classification}</th>
                <th scope="col">{t.agency.catalogue.status}</th>
                <th scope="col">{t.agency.catalogue.connectionRequired}</th>
                <th scope="col">{t.agency.catalogue.description}</th>
              </tr>
            </thead>
            <tbody>
              {services.nodes.map((service) => (
                <tr key={service.id}>
                  <th scope="row"><Link to={servicePath(service.id)}>{service.id}</Link></th>
                  <td>{service.owner?.name ?? service.ownerAgency}</td>
                  <td>{t.agency.classifications[service.classification] ?? service.classification}</td>
                  <td>{t.agency.serviceStatuses[service.status] ?? service.status}</td>
                  <td>{service.access.some((rule) => rule.connectionRequired) ? t.common.yes : t.common.no}</td>
                  <td className="agency-description">{service.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {services.nodes.length === 0 && <p>{t.agency.nothingFound}</p>}
          <CursorPager pages={pages} pageInfo={services.pageInfo} />
        </>
      )}
    </>
  );
}
