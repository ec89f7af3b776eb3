// The social-protection register: the citizen's monthly benefits.
import type { AskError } from '../../../graphql/ask.ts';
import { useLanguage } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { AgencySection } from './AgencySection.tsx';
import { Shown } from './Fact.tsx';
import type { Benefit } from './recordQuery.ts';

export function BenefitsSection({ benefits, errors }: { benefits: Benefit[] | null; errors: AskError[] }) {
  const { texts, language } = useLanguage();
  const t = texts.citizen.record;
  const dates = useDates();
  const money = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency: 'VND' });
  return (
    <AgencySection register="social" agency="so-y-te">
      <h3>{t.benefits}</h3>
      {benefits === null ? (
        <Shown value={null} errors={errors} path={['me', 'benefits']} />
      ) : benefits.length === 0 ? (
        <p>{t.nothingHeld}</p>
      ) : (
        <table>
          <caption className="citizen-hidden">{t.benefits}</caption>
          <thead>
            <tr>
              <th scope="col">{t.program}</th>
              <th scope="col">{t.monthlyAmount}</th>
              <th scope="col">{t.startedOn}</th>
              <th scope="col">{t.endedOn}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {benefits.map((benefit) => (
              <tr key={benefit.id}>
                <td>
                  {benefit.program?.name}
                  {benefit.program?.legalBasis && <div className="hint">{benefit.program.legalBasis}</div>}
                </td>
                <td>{benefit.monthlyAmount === null ? '' : money.format(benefit.monthlyAmount)}</td>
                <td>{dates.day(benefit.startedOn)}</td>
                <td>{dates.day(benefit.endedOn)}</td>
                <td>{benefit.status ? t.benefitStatuses[benefit.status] ?? benefit.status : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AgencySection>
  );
}
