// The justice department's civil-status register: the citizen's birth, marriages and death.
import type { AskError } from '../../../graphql/ask.ts';
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { AgencySection } from './AgencySection.tsx';
import { Shown } from './Fact.tsx';
import type { CivilEvent } from './recordQuery.ts';

export function CivilStatusSection({ meId, events, errors }: { meId: string; events: CivilEvent[] | null; errors: AskError[] }) {
  const t = useText().citizen.record;
  const dates = useDates();
  const details = (event: CivilEvent, index: number) => {
    const at = ['me', 'civilEvents', index];
    if (event.__typename === 'Birth') return event.placeOfBirth ? t.placeOfBirth(event.placeOfBirth) : null;
    if (event.__typename === 'Marriage') {
      const spouseIsWife = event.husband?.id === meId || event.wife?.id !== meId;
      const spouse = spouseIsWife ? event.wife : event.husband;
      return (
        <>
          {t.spouse}: <Shown value={spouse?.fullName} errors={errors} path={[...at, spouseIsWife ? 'wife' : 'husband']} />
        </>
      );
    }
    return dates.day(event.dateOfDeath);
  };
  return (
    <AgencySection register="civil-status" agency="so-tu-phap">
      <h3>{t.civilEvents}</h3>
      {events === null ? (
        <Shown value={null} errors={errors} path={['me', 'civilEvents']} />
      ) : events.length === 0 ? (
        <p>{t.nothingHeld}</p>
      ) : (
        <table>
          <caption className="citizen-hidden">{t.civilEvents}</caption>
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.registrationNumber}</th>
              <th scope="col">{t.registeredOn}</th>
              <th scope="col">{t.registeredAt}</th>
              <th scope="col">{t.details}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => (
              <tr key={event.id ?? index}>
                <td>{event.kind ? t.eventKinds[event.kind] ?? event.kind : ''}</td>
                <td>{event.registrationNumber}</td>
                <td>{dates.day(event.registeredOn)}</td>
                <td>{event.registeredAt?.name}</td>
                <td>{details(event, index)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AgencySection>
  );
}
