// A policy change in plain language, composed from the server's structured detail in the reader's
// language; null when the change carries no detail (recorded before details existed): then the
// server's own sentence is shown.
import type { Texts } from '../../text/vi/index.ts';
import { conditionsOf, whoOf } from './ruleSentence.ts';
import type { PolicyChangeDetail } from './policyQueries.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';

export function changeSentence(detail: PolicyChangeDetail | null, t: Texts['policies'], catalogue: ReferenceLists): string | null {
  if (!detail) return null;
  const fields = t.rule.and(detail.fields);
  const level = (code: string | null) => (code ? (t.levels[code] ?? code) : '');
  switch (detail.kind) {
    case 'READER_ADDED':
    case 'READER_REMOVED': {
      if (!detail.rule) return null;
      const who = whoOf(detail.rule, t, catalogue);
      const said = detail.kind === 'READER_ADDED' ? t.diff.mayNowRead(who, fields) : t.diff.mayNoLongerRead(who, fields);
      return `${said}${conditionsOf(detail.rule, t, catalogue)} ${t.diff.ofRule(detail.rule.id, detail.policy ?? '')}`;
    }
    case 'CLASSIFIED':
      return detail.was ? t.diff.classified(fields, level(detail.level), level(detail.was)) : t.diff.newFields(fields, level(detail.level));
    case 'SUBJECT_CHANGED':
      return t.diff.subjectChanged(fields, detail.policy ?? '');
    case 'SWITCHED_ON':
      return t.diff.switchedOn(fields, `${detail.policy}:${detail.group}`, detail.since ?? '');
    case 'SWITCHED_OFF':
      return t.diff.switchedOff(fields, `${detail.policy}:${detail.group}`, detail.since ?? '', detail.notice ?? '');
    case 'TEST_CASE_REMOVED':
      return t.diff.testCaseRemoved(detail.testCase ?? '', detail.file ?? '');
    case 'MORE':
      return t.diff.more(detail.count ?? 0);
    default:
      return null;
  }
}
