// The business register: enterprises whose legal representative the citizen is.
import type { AskError } from '../../../graphql/ask.ts';
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { AgencySection } from './AgencySection.tsx';
import { Shown } from './Fact.tsx';
import type { Business } from './recordQuery.ts';

export function BusinessSection({ businesses, errors }: { businesses: Business[] | null; errors: AskError[] }) {
  const t = useText().citizen.record;
  const dates = useDates();
  return (
    <AgencySection register="business" agency="so-tai-chinh">
      <h3>{t.businesses}</h3>
      {businesses === null ? (
        <Shown value={null} errors={errors} path={['me', 'businesses']} />
      ) : businesses.length === 0 ? (
        <p>{t.nothingHeld}</p>
      ) : (
        <table>
          <caption className="citizen-hidden">{t.businesses}</caption>
          <thead>
            <tr>
              <th scope="col">{t.enterpriseCode}</th>
              <th scope="col">{t.enterpriseName}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.registeredOn}</th>
              <th scope="col">{t.address}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {businesses.map((business) => (
              <tr key={business.enterpriseCode}>
                <td>{business.enterpriseCode}</td>
                <td>{business.name}</td>
                <td>{business.kind}</td>
                <td>{dates.day(business.registeredOn)}</td>
                <td>{business.address}</td>
                <td>{business.status ? t.enterpriseStatuses[business.status] ?? business.status : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AgencySection>
  );
}
