// One sharing service: who owns it, its fields, purposes, legal bases, who may use it on which conditions,
// how to connect, and the way to ask for a connection.
import { Link, useParams } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CATALOGUE_READERS } from '../shared/agencyRoles.ts';
import { useDates } from '../../../ui/dates.ts';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';
import { SERVICE, type ServiceDetail } from './catalogueQueries.ts';
import { ServiceAccessTable } from './ServiceAccessTable.tsx';

export function ServicePage() {
  const { id = '' } = useParams();
  return (
    <Page title={id} roles={CATALOGUE_READERS}>
      <Service id={id} />
    </Page>
  );
}

function Service({ id }: { id: string }) {
  const t = useText();
  const s = t.agency.service;
  const dates = useDates();
  const lists = useReferenceLists();
  const answer = useAnswer<{ sharingService: ServiceDetail | null }>(SERVICE, { id });
  const service = answer.data?.sharingService;
  if (answer.loading) return <p role="status">{t.common.loading}</p>;
  if (!service) return <><ErrorList errors={answer.errors} />{answer.errors.length === 0 && <p>{s.notFound}</p>}</>;
  const needsConnection = service.access.some((rule) => rule.connectionRequired);
  return (
    <>
      <ErrorList errors={answer.errors} />
      <p>{service.description}</p>
      <dl className="agency-facts">
        <dt>{s.owner}</dt>
        <dd>{service.owner ? t.agency.agencyName(service.owner.code, service.owner.name) : service.ownerAgency}</dd>
        {service.owner && (
          <>
            <dt>{s.focalPoint}</dt>
            <dd>{[service.owner.focalPoint.name, service.owner.focalPoint.role, service.owner.focalPoint.phone, service.owner.focalPoint.email].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        <dt>{s.register}</dt>
        <dd>{service.register}</dd>
        <dt>{s.type}</dt>
        <dd><code>{service.type}</code></dd>
        <dt>{s.classification}</dt>
        <dd>{t.agency.classifications[service.classification] ?? service.classification}</dd>
        <dt>{s.status}</dt>
        <dd>
          {t.agency.serviceStatuses[service.status] ?? service.status}
          {service.status === 'DISABLED' && <> — {s.disabled(service.disabledNotice ?? '', dates.day(service.disabledSince))}</>}
          {service.status === 'REMOVED' && <> — {s.removed(dates.moment(service.removedAt))}</>}
        </dd>
        <dt>{s.purposes}</dt>
        <dd>{service.purposes.length ? service.purposes.map(lists.purposeName).join('; ') : s.noConditions}</dd>
        <dt>{s.legalBases}</dt>
        <dd>{service.legalBases.map(lists.legalBasisTitle).join('; ')}</dd>
      </dl>
      <p className="agency-callout">{needsConnection ? s.connectionNeeded : s.connectionNotNeeded}</p>
      {service.status === 'ACTIVE' && (
        <p>
          <Link className="button" to={`/agency/connections/new?service=${encodeURIComponent(service.id)}`}>{s.askConnection}</Link>
        </p>
      )}
      <h2>{s.fields}</h2>
      <table className="agency-table">
        <thead>
          <tr>
            <th scope="col">{s.fieldName}</th>
            <th scope="col">{s.fieldType}</th>
            <th scope="col">{s.fieldDescription}</th>
          </tr>
        </thead>
        <tbody>
          {service.fields.map((field) => (
            <tr key={field.name}>
              <th scope="row"><code>{field.name}</code></th>
              <td><code>{field.type}</code></td>
              <td>{field.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{s.access}</h2>
      {service.access.length ? <ServiceAccessTable rules={service.access} lists={lists} /> : <p>{s.nobody}</p>}
      <h2>{s.howToConnect}</h2>
      <dl className="agency-facts">
        <dt>{s.endpoint}</dt>
        <dd><code>{service.howToConnect.endpoint}</code></dd>
        <dt>{s.headers}</dt>
        <dd>
          <ul>
            {service.howToConnect.headers.map((header) => (
              <li key={header.name}><code>{header.name}</code>: {header.value}{header.required && <> ({s.required})</>}</li>
            ))}
          </ul>
        </dd>
        <dt>{s.token}</dt>
        <dd>{service.howToConnect.token}</dd>
      </dl>
      {service.exampleQuery && (
        <>
          <h3>{s.example}</h3>
          <pre tabIndex={0}><code>{service.exampleQuery.operation}</code></pre>
        </>
      )}
    </>
  );
}
