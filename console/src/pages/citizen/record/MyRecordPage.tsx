// My record: what each agency holds about the signed-in citizen, one section per agency, with each value
// the policies refuse said as refused, with the reason, in its place.
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CitizenNav } from '../CitizenNav.tsx';
import { isRefusal } from '../common/refusals.ts';
import { useSelfServiceAnswer } from '../common/selfService.ts';
import { BenefitsSection } from './BenefitsSection.tsx';
import { BusinessSection } from './BusinessSection.tsx';
import { CivilStatusSection } from './CivilStatusSection.tsx';
import { LandSection } from './LandSection.tsx';
import { MY_RECORD_QUERY, type MyRecord } from './recordQuery.ts';
import { PopulationSection } from './PopulationSection.tsx';


export function MyRecordPage() {
  const texts = useText();
  const t = texts.citizen;
  const { data, errors, loading } = useSelfServiceAnswer<{ me: MyRecord | null }>(MY_RECORD_QUERY);
  const me = data?.me;
  const refusals = errors.filter(isRefusal);
  return (
    <Page title={t.record.title} roles={['citizen']}>
      <CitizenNav />
      <p>{t.record.intro}</p>
      {/* Refusals are said in place; anything else (a register down, a session expired) is listed here. */}
      <ErrorList errors={errors.filter((error) => !isRefusal(error))} />
      {loading && !me && <p role="status">{texts.common.loading}</p>}
      {me && (
        <>
          {refusals.length > 0 && <p className="hint">{t.record.someRefused}</p>}
          <PopulationSection me={me} errors={errors} />
          <CivilStatusSection meId={me.id} events={me.civilEvents} errors={errors} />
          <LandSection meId={me.id} parcels={me.landParcels} errors={errors} />
          <BusinessSection businesses={me.businesses} errors={errors} />
          <BenefitsSection benefits={me.benefits} errors={errors} />
        </>
      )}
    </Page>
  );
}
