// One agency's part of the citizen's record, under the agency's name.
import type { ReactNode } from 'react';
import { useText } from '../../../text/language.tsx';
import { useDirectory } from '../common/directory.tsx';

export function AgencySection({ register, agency, children }: { register: string; agency: string; children: ReactNode }) {
  const t = useText().citizen;
  const { agencyName } = useDirectory();
  const id = `register-${register}`;
  return (
    <section className="agency-section" aria-labelledby={id}>
      <h2 id={id}>{t.registers[register] ?? register}</h2>
      <p className="held-by">{t.record.heldBy(agencyName(agency))}</p>
      {children}
    </section>
  );
}
