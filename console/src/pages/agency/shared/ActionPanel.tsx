// The actions the caller may take on a record now (the server's allowedActions, checked against its rules
// table), each behind a small form: a reason when the rules ask for one, and any value the action needs.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';

export type ReasonRule = 'REQUIRED' | 'OPTIONAL' | 'NONE';

export interface ActionInput {
  name: string;
  label: string;
  kind: 'date' | 'text' | 'textarea';
  required: boolean;
  initial?: string;
}

export interface ActionPanelProps {
  actions: string[];
  actionName: (action: string) => string;
  reasonRule: (action: string) => ReasonRule;
  inputsOf?: (action: string) => ActionInput[];
  perform: (action: string, values: Record<string, string>) => Promise<AskError[]>;
  onDone: () => void;
}

export function ActionPanel({ actions, actionName, reasonRule, inputsOf, perform, onDone }: ActionPanelProps) {
  const t = useText();
  const [chosen, setChosen] = useState<string | null>(null);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  if (actions.length === 0) return <p>{t.agency.noActions}</p>;
  return (
    <div className="agency-actions">
      <div className="agency-action-buttons">
        {actions.map((action) => (
          <button key={action} type="button" className={chosen === action ? '' : 'secondary'} aria-pressed={chosen === action} onClick={() => { setChosen(action); setErrors([]); setDone(null); }}>
            {actionName(action)}
          </button>
        ))}
      </div>
      {done && <p role="status" className="ok">{t.agency.done} {done}</p>}
      {chosen && (
        <ActionForm
          key={chosen}
          action={chosen}
          title={actionName(chosen)}
          reason={reasonRule(chosen)}
          inputs={inputsOf?.(chosen) ?? []}
          errors={errors}
          onCancel={() => setChosen(null)}
          onSubmit={async (values) => {
            const problems = await perform(chosen, values);
            setErrors(problems);
            if (problems.length === 0) {
              setDone(actionName(chosen));
              setChosen(null);
              onDone();
            }
          }}
        />
      )}
    </div>
  );
}

function ActionForm({ action, title, reason, inputs, errors, onCancel, onSubmit }: { action: string; title: string; reason: ReasonRule; inputs: ActionInput[]; errors: AskError[]; onCancel: () => void; onSubmit: (values: Record<string, string>) => Promise<void> }) {
  const t = useText();
  const all: ActionInput[] = [...inputs, ...(reason === 'NONE' ? [] : [{ name: 'reason', label: reason === 'REQUIRED' ? t.agency.reasonRequired : t.agency.reasonOptional, kind: 'textarea' as const, required: reason === 'REQUIRED' }])];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(all.map((input) => [input.name, input.initial ?? ''])));
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // A keyboard user lands in the form they opened.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, textarea, button[type="submit"]')?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await onSubmit(values);
    setBusy(false);
  };
  return (
    <form ref={form} className="form agency-action-form" onSubmit={submit} aria-label={title} data-action={action}>
      <h3>{title}</h3>
      {all.map((input) => {
        const common = { name: input.name, required: input.required, value: values[input.name] ?? '', onChange: (event: { target: { value: string } }) => setValues({ ...values, [input.name]: event.target.value }) };
        return (
          <Field key={input.name} label={input.label}>
            {input.kind === 'textarea' ? <textarea rows={3} {...common} /> : <input type={input.kind} {...common} />}
          </Field>
        );
      })}
      <ErrorList errors={errors} />
      <div className="agency-action-buttons">
        <button type="submit" disabled={busy}>{t.agency.confirm}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t.common.cancel}</button>
      </div>
    </form>
  );
}
