// An action that asks first (withdrawing a consent or a request): the button opens a short question in
// the page, with the question focused for screen readers, and "yes" or "cancel" (no browser dialog).
import { useEffect, useId, useRef, useState } from 'react';
import { useText } from '../../../text/language.tsx';

interface Props {
  label: string;
  /** Accessible name of the opening button when its label alone is ambiguous in a table. */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}

export function ConfirmAction({ label, ariaLabel, question, confirmLabel, onConfirm }: Props) {
  const t = useText();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="secondary" aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await onConfirm();
          setBusy(false);
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(false)}>
        {t.common.cancel}
      </button>
    </div>
  );
}
