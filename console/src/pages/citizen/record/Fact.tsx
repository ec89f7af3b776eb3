// One line of a record: its label and value, "not shown" with the reason when the platform refused it, or
// "not recorded" when the register holds nothing there.
import type { ReactNode } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useText } from '../../../text/language.tsx';
import { Refused } from '../common/Refused.tsx';
import { refusalAt, type Path } from '../common/refusals.ts';

export function Shown({ value, errors, path }: { value: ReactNode; errors: AskError[]; path: Path }) {
  const t = useText().citizen.record;
  if (value !== null && value !== undefined && value !== '') return <>{value}</>;
  const reason = refusalAt(errors, path);
  return reason ? <Refused reason={reason} /> : <span className="hint">{t.notRecorded}</span>;
}

export function Fact({ label, value, errors, path }: { label: string; value: ReactNode; errors: AskError[]; path: Path }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Shown value={value} errors={errors} path={path} />
      </dd>
    </>
  );
}
