import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Field } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useText } from '../text/language.tsx';
import { useSession } from './session.tsx';
import { fetchSignInOptions, mintDevToken, type SignInOptions } from './signInOptions.ts';

export function SignInPage() {
  const t = useText();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [role, setRole] = useState('officer');
  const [agency, setAgency] = useState('cong-an-tinh');
  const [sub, setSub] = useState('');
  const [purpose, setPurpose] = useState('');
  const [caseId, setCaseId] = useState('');
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fetchSignInOptions().then(setOptions);
  }, []);

  const finish = (token: string) => {
    const session = signIn(token, { purpose: purpose || null, caseId: caseId.trim() || null });
    if (!session) {
      setProblem(t.signIn.invalidToken);
      return;
    }
    navigate('/');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!options?.development) {
      finish(pasted.trim());
      return;
    }
    setBusy(true);
    const minted = await mintDevToken({ roles: [role], agency: role === 'citizen' ? null : agency || null, sub: sub.trim() || null });
    setBusy(false);
    if ('problem' in minted) setProblem((minted.code && t.signIn.problems[minted.code]) || minted.problem);
    else finish(minted.token);
  };

  if (!options) return <Page title={t.signIn.title}>{t.common.loading}</Page>;
  return (
    <Page title={t.signIn.title}>
      <p>{options.development ? t.signIn.devIntro : t.signIn.productionIntro}</p>
      <form onSubmit={submit} className="form">
        {options.development ? (
          <>
            <Field label={t.signIn.role}>
              <select value={role} onChange={(event) => setRole(event.target.value)} name="role">
                {options.roles.map((code) => (
                  <option key={code} value={code}>
                    {t.common.roles[code] ?? code} ({code})
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.signIn.agency}>
              <select value={agency} onChange={(event) => setAgency(event.target.value)} name="agency">
                <option value="">{t.signIn.noAgency}</option>
                {options.agencies.map(({ code, name }) => (
                  <option key={code} value={code}>
                    {name} ({code})
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.signIn.subject} hint={t.signIn.subjectHint}>
              <input value={sub} onChange={(event) => setSub(event.target.value)} name="subject" list="demo-citizens" autoComplete="off" />
            </Field>
            <datalist id="demo-citizens">
              {options.demoCitizens.map(({ id, name }) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </datalist>
            <fieldset className="demo-citizens">
              <legend>{t.signIn.demoCitizens}</legend>
              {options.demoCitizens.map(({ id, name }) => (
                <button key={id} type="button" className="secondary" onClick={() => { setRole('citizen'); setAgency(''); setSub(id); }}>
                  {name} ({id})
                </button>
              ))}
            </fieldset>
            <Field label={t.signIn.purpose}>
              <select value={purpose} onChange={(event) => setPurpose(event.target.value)} name="purpose">
                <option value="">{t.signIn.noPurpose}</option>
                {options.purposes.map(({ code, name }) => (
                  <option key={code} value={code}>
                    {name} ({code})
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.signIn.caseId}>
              <input value={caseId} onChange={(event) => setCaseId(event.target.value)} name="caseId" autoComplete="off" />
            </Field>
          </>
        ) : (
          <Field label={t.signIn.token}>
            <textarea value={pasted} onChange={(event) => setPasted(event.target.value)} name="token" rows={4} autoComplete="off" spellCheck={false} />
          </Field>
        )}
        {problem && (
          <p role="alert" className="errors">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t.signIn.submit}
        </button>
      </form>
    </Page>
  );
}
