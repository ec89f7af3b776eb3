// One data-error report: the record and field, what was wrong, the owner's outcome, the actions the caller
// may take now (allowedActions, with the reason rules of dataErrorReportRules), and its history.
import { Link, useParams } from 'react-router-dom';
import { useAnswer, useAsk } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { ActionPanel, type ActionInput, type ReasonRule } from '../shared/ActionPanel.tsx';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { useDates } from '../../../ui/dates.ts';
import { HistoryTable } from '../shared/HistoryTable.tsx';
import { REPORT, reportActionMutation, type DataErrorDetail } from './dataErrorQueries.ts';

export function DataErrorReportPage() {
  const t = useText();
  const { id = '' } = useParams();
  return (
    <Page title={t.agency.dataError.title(id)} roles={CASEWORK_READERS}>
      <DataErrorReport id={id} />
    </Page>
  );
}

function DataErrorReport({ id }: { id: string }) {
  const t = useText();
  const d = t.agency.dataError;
  const dates = useDates();
  const ask = useAsk();
  const answer = useAnswer<{ dataErrorReport: DataErrorDetail | null; dataErrorReportRules: { action: string; reason: ReasonRule }[] | null }>(REPORT, { id });
  const report = answer.data?.dataErrorReport;
  if (!report) return answer.loading ? <p role="status">{t.common.loading}</p> : <><ErrorList errors={answer.errors} /><p>{d.notFound}</p></>;
  const rules = answer.data?.dataErrorReportRules ?? [];
  // A correction carries the value and a note instead of a reason.
  const reasonRule = (action: string): ReasonRule => (action === 'CORRECT' ? 'NONE' : rules.find((rule) => rule.action === action)?.reason ?? 'REQUIRED');
  const inputsOf = (action: string): ActionInput[] =>
    action === 'CORRECT'
      ? [
          { name: 'correctedValue', label: d.correctedValueInput, kind: 'text', required: true },
          { name: 'note', label: d.noteInput, kind: 'textarea', required: false },
        ]
      : [];
  const perform = async (action: string, values: Record<string, string>) => {
    const required = reasonRule(action) === 'REQUIRED';
    const variables: Record<string, unknown> = { id: report.id };
    for (const [key, value] of Object.entries(values)) if (value.trim() || key === 'correctedValue' || (key === 'reason' && required)) variables[key] = value.trim();
    return (await ask(reportActionMutation(action, required), variables)).errors;
  };
  return (
    <>
      <ErrorList errors={answer.errors} />
      <p className="agency-state" role="status">
        {t.agency.state}: <strong>{t.agency.errorStates[report.state] ?? report.state}</strong>
        {report.overdue && <strong className="agency-overdue"> · {t.agency.overdue}</strong>}
      </p>
      <dl className="agency-facts">
        <dt>{d.register}</dt>
        <dd>{report.register}</dd>
        <dt>{d.type}</dt>
        <dd><code>{report.type}</code></dd>
        <dt>{d.recordId}</dt>
        <dd>{report.recordId}</dd>
        <dt>{d.field}</dt>
        <dd><code>{report.field}</code></dd>
        <dt>{d.valueSeen}</dt>
        <dd>{report.valueSeen}</dd>
        <dt>{d.problem}</dt>
        <dd>{report.problem}</dd>
        <dt>{d.evidence}</dt>
        <dd>{report.evidence}</dd>
        <dt>{d.reporter}</dt>
        <dd>{t.agency.agencyName(report.reportingAgency.code, report.reportingAgency.name)}</dd>
        <dt>{d.reportedBy}</dt>
        <dd>{report.reportedBy}</dd>
        <dt>{d.owner}</dt>
        <dd>{t.agency.agencyName(report.ownerAgency.code, report.ownerAgency.name)}</dd>
        <dt>{d.dueOn}</dt>
        <dd>{dates.day(report.dueOn)}</dd>
        {report.stateReason && (<><dt>{d.stateReason}</dt><dd>{report.stateReason}</dd></>)}
        {report.correctedValue !== null && (<><dt>{d.correctedValue}</dt><dd>{report.correctedValue}</dd></>)}
        {report.correctionNote && (<><dt>{d.correctionNote}</dt><dd>{report.correctionNote}</dd></>)}
        {report.state === 'CORRECTED' && (
          <>
            <dt>{d.noticesSent}</dt>
            <dd>{report.recipientsSearched === false ? d.notSearched : report.correctionNoticesSent ?? ''}</dd>
          </>
        )}
      </dl>
      <h2>{t.agency.actions}</h2>
      <ActionPanel
        actions={report.allowedActions.filter((action) => action !== 'REPORT')}
        actionName={(action) => t.agency.errorActions[action] ?? action}
        reasonRule={reasonRule}
        inputsOf={inputsOf}
        perform={perform}
        onDone={answer.reload}
      />
      <HistoryTable events={report.history} actionName={(action) => t.agency.errorActions[action] ?? action} stateName={(state) => t.agency.errorStates[state] ?? state} />
      <p><Link to="/agency/data-errors">{t.agency.backTo(t.agency.dataErrors.title)}</Link></p>
    </>
  );
}
