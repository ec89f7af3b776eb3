// Sharing statistics for a period: requests per day (line), by service and by consumer agency (bars),
// refusals by reason (bars), each with its table; the detailed rows; the gateway's CSV and JSON exports.
import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useSession } from '../../../session/session.tsx';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { STATISTICS_READERS } from '../shared/agencyRoles.ts';
import { vietnamDay, useDates } from '../../../ui/dates.ts';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';
import { downloadExport } from './downloadExport.ts';
import { FigureSection } from './FigureSection.tsx';
import { StatisticsRowsTable } from './StatisticsRowsTable.tsx';
import { summariseStatistics, type StatisticsRow } from './summariseStatistics.ts';

const STATISTICS = `query Statistics($filter: SharingStatisticsFilter!) {
  sharingStatistics(filter: $filter, first: 500) {
    nodes { day ownerAgency service consumerAgency purpose requests recordsDisclosed refusals { reason count } distinctSubjects latencyMs { p95 } }
    pageInfo { hasNextPage }
    unavailableRegisters
  }
}`;

const FILTER_KEYS = ['from', 'to', 'ownerAgency', 'consumerAgency', 'service', 'purpose'] as const;

export function StatisticsPage() {
  const t = useText();
  return (
    <Page title={t.agency.statistics.title} roles={STATISTICS_READERS}>
      <Statistics />
    </Page>
  );
}

function Statistics() {
  const t = useText();
  const s = t.agency.statistics;
  const dates = useDates();
  const lists = useReferenceLists();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const defaults: Record<string, string> = { from: vietnamDay(-29), to: vietnamDay() };
  const filter = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? defaults[key] ?? '']).filter(([, value]) => value));
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])), ...filter }));
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const answer = useAnswer<{ sharingStatistics: { nodes: StatisticsRow[]; pageInfo: { hasNextPage: boolean }; unavailableRegisters: string[] } | null }>(STATISTICS, { filter });
  const statistics = answer.data?.sharingStatistics;
  const summary = useMemo(() => {
    const totals = summariseStatistics(statistics?.nodes ?? [], { from: filter.from, to: filter.to });
    return {
      ...totals,
      perDay: { labels: totals.perDay.labels.map(dates.day), values: totals.perDay.values },
      byConsumer: { labels: totals.byConsumer.labels.map(lists.agencyName), values: totals.byConsumer.values },
      refusalsByReason: { labels: totals.refusalsByReason.labels.map((reason) => t.common.reasons[reason] ?? reason), values: totals.refusalsByReason.values },
    };
  }, [statistics, dates, lists, t, filter.from, filter.to]);
  const set = (key: string) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim())));
  };
  const query = new URLSearchParams(filter).toString();
  const download = async (extension: 'csv' | 'json') => {
    const problem = await downloadExport(session, `/sharing-statistics.${extension}?${query}`, `sharing-statistics-${filter.from}-${filter.to}.${extension}`);
    setDownloadProblem(problem ? s.downloadFailed(problem) : null);
  };
  const agencySelect = (key: 'ownerAgency' | 'consumerAgency', label: string) => (
    <Field label={label}>
      <select name={key} value={draft[key]} onChange={set(key)}>
        <option value="">{t.agency.anyOption}</option>
        {lists.agencies.map((agency) => <option key={agency.code} value={agency.code}>{agency.name}</option>)}
      </select>
    </Field>
  );
  return (
    <>
      <p>{s.intro}</p>
      <form className="form agency-filters" onSubmit={apply} aria-label={t.agency.filters}>
        <Field label={s.from}><input name="from" type="date" value={draft.from} onChange={set('from')} required /></Field>
        <Field label={s.to}><input name="to" type="date" value={draft.to} onChange={set('to')} required /></Field>
        {agencySelect('ownerAgency', s.owner)}
        {agencySelect('consumerAgency', s.consumer)}
        <Field label={s.service}><input name="service" value={draft.service} onChange={set('service')} /></Field>
        <Field label={s.purpose}>
          <select name="purpose" value={draft.purpose} onChange={set('purpose')}>
            <option value="">{t.agency.anyOption}</option>
            {lists.purposes.map((purpose) => <option key={purpose.code} value={purpose.code}>{purpose.name}</option>)}
          </select>
        </Field>
        <button type="submit">{t.agency.apply}</button>
      </form>
      <div className="agency-links" role="group" aria-label={s.downloads}>
        <button type="button" className="secondary" onClick={() => void download('csv')}>{s.downloadCsv}</button>
        <button type="button" className="secondary" onClick={() => void download('json')}>{s.downloadJson}</button>
      </div>
      {downloadProblem && <p role="alert" className="errors">{downloadProblem}</p>}
      <ErrorList errors={answer.errors} />
      {answer.loading && <p role="status">{t.common.loading}</p>}
      {statistics && (
        <>
          {statistics.unavailableRegisters.length > 0 && <p role="alert" className="errors">{s.unavailable(statistics.unavailableRegisters.join(', '))}</p>}
          {statistics.pageInfo.hasNextPage && <p className="agency-callout">{s.moreRows}</p>}
          <p className="agency-totals">{s.totals(summary.requests, summary.records, summary.refusals)}</p>
          {statistics.nodes.length === 0 ? (
            <p>{s.noRows}</p>
          ) : (
            <>
              <div className="agency-figures">
                <FigureSection id="per-day" wide title={s.perDay} kind="line" figures={summary.perDay} labelHeading={s.day} valueHeading={s.requests} />
                <FigureSection id="by-service" title={s.byService} kind="bar" figures={summary.byService} labelHeading={t.agency.catalogue.service} valueHeading={s.requests} />
                <FigureSection id="by-consumer" title={s.byConsumer} kind="bar" figures={summary.byConsumer} labelHeading={s.consumer} valueHeading={s.requests} />
                {summary.refusalsByReason.labels.length > 0 && (
                  <FigureSection id="refusals" title={s.refusalsByReason} kind="bar" figures={summary.refusalsByReason} labelHeading={t.agency.reason} valueHeading={s.count} />
                )}
              </div>
              <StatisticsRowsTable rows={statistics.nodes} lists={lists} />
            </>
          )}
        </>
      )}
    </>
  );
}
