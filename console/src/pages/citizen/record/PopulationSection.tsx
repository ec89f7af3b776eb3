// The police's population register: identity, residence, household and parents.
import type { AskError } from '../../../graphql/ask.ts';
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { Refused } from '../common/Refused.tsx';
import { refusalAt } from '../common/refusals.ts';
import { AgencySection } from './AgencySection.tsx';
import { Fact } from './Fact.tsx';
import type { MyRecord } from './recordQuery.ts';

export function PopulationSection({ me, errors }: { me: MyRecord; errors: AskError[] }) {
  const texts = useText();
  const t = texts.citizen.record;
  const fields = texts.citizen.fields;
  const dates = useDates();
  const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
  const household = me.household;
  const membersRefused = refusalAt(errors, ['me', 'household', 'members']);
  return (
    <AgencySection register="population" agency="cong-an-tinh">
      <h3>{t.identity}</h3>
      <dl className="facts">
        <Fact label={capital(fields['Citizen.fullName'])} value={me.fullName} errors={errors} path={['me', 'fullName']} />
        <Fact label={capital(fields['Citizen.id'])} value={me.id} errors={errors} path={['me', 'id']} />
        <Fact label={capital(fields['Citizen.dateOfBirth'])} value={dates.day(me.dateOfBirth)} errors={errors} path={['me', 'dateOfBirth']} />
        <Fact label={capital(fields['Citizen.gender'])} value={me.gender && (t.genders[me.gender] ?? me.gender)} errors={errors} path={['me', 'gender']} />
        <Fact label={capital(fields['Citizen.nationality'])} value={me.nationality && (t.nationalities[me.nationality] ?? me.nationality)} errors={errors} path={['me', 'nationality']} />
        <Fact label={capital(fields['Citizen.ethnicity'])} value={me.ethnicity?.name} errors={errors} path={['me', 'ethnicity']} />
        <Fact label={capital(fields['Citizen.religion'])} value={me.religion} errors={errors} path={['me', 'religion']} />
        {(me.dateOfDeath || refusalAt(errors, ['me', 'dateOfDeath'])) && (
          <Fact label={capital(fields['Citizen.dateOfDeath'])} value={dates.day(me.dateOfDeath)} errors={errors} path={['me', 'dateOfDeath']} />
        )}
      </dl>
      <h3>{t.residence}</h3>
      <dl className="facts">
        <Fact label={t.address} value={me.residence?.address} errors={errors} path={['me', 'residence']} />
        <Fact label={t.unit} value={me.residence?.unit?.name} errors={errors} path={['me', 'residence']} />
      </dl>
      <h3>{t.household}</h3>
      <dl className="facts">
        <Fact label={t.householdId} value={household?.id} errors={errors} path={['me', 'household', 'id']} />
        <Fact label={t.address} value={household?.address} errors={errors} path={['me', 'household', 'address']} />
        <Fact label={t.registeredOn} value={dates.day(household?.registeredOn)} errors={errors} path={['me', 'household', 'registeredOn']} />
        <Fact label={t.householdHead} value={household?.head?.fullName} errors={errors} path={['me', 'household', 'head']} />
        <dt>{t.householdMembers}</dt>
        <dd>
          {membersRefused ? (
            <Refused reason={membersRefused} />
          ) : (
            <ul className="field-list">
              {(household?.members ?? []).map((member, index) => (
                <li key={member.id ?? index}>{member.fullName}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h3>{t.family}</h3>
      <dl className="facts">
        <Fact label={capital(fields['Citizen.father'])} value={me.father?.fullName} errors={errors} path={['me', 'father']} />
        <Fact label={capital(fields['Citizen.mother'])} value={me.mother?.fullName} errors={errors} path={['me', 'mother']} />
      </dl>
    </AgencySection>
  );
}
