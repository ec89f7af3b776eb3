// The land register: parcels the citizen holds, their share and certificates.
import type { AskError } from '../../../graphql/ask.ts';
import { useLanguage } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { AgencySection } from './AgencySection.tsx';
import { Shown } from './Fact.tsx';
import type { LandParcel } from './recordQuery.ts';

export function LandSection({ meId, parcels, errors }: { meId: string; parcels: LandParcel[] | null; errors: AskError[] }) {
  const { texts, language } = useLanguage();
  const t = texts.citizen.record;
  const dates = useDates();
  const numbers = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  return (
    <AgencySection register="land" agency="so-nong-nghiep-moi-truong">
      <h3>{t.landParcels}</h3>
      {parcels === null ? (
        <Shown value={null} errors={errors} path={['me', 'landParcels']} />
      ) : parcels.length === 0 ? (
        <p>{t.nothingHeld}</p>
      ) : (
        <table>
          <caption className="citizen-hidden">{t.landParcels}</caption>
          <thead>
            <tr>
              <th scope="col">{t.parcel}</th>
              <th scope="col">{t.address}</th>
              <th scope="col">{t.area}</th>
              <th scope="col">{t.landUse}</th>
              <th scope="col">{t.share}</th>
              <th scope="col">{t.certificates}</th>
            </tr>
          </thead>
          <tbody>
            {parcels.map((parcel) => {
              const mine = parcel.holders?.find((holder) => holder.citizen?.id === meId);
              return (
                <tr key={parcel.id}>
                  <td>{t.parcelName(String(parcel.mapSheet ?? '?'), String(parcel.parcelNumber ?? '?'))}</td>
                  <td>{parcel.address}</td>
                  <td>{parcel.area === null ? '' : t.squareMetres(numbers.format(parcel.area))}</td>
                  <td>{parcel.landUsePurpose?.name}</td>
                  <td>{mine?.share != null ? percent.format(mine.share) : ''}</td>
                  <td>
                    {(parcel.certificates ?? []).map((certificate) => (
                      <div key={certificate.serialNumber}>{t.certificate(certificate.serialNumber ?? '', dates.day(certificate.issuedOn))}</div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AgencySection>
  );
}
