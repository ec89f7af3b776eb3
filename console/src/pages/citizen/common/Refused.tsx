// A value the platform did not show, and why, in words: never an error dump.
import { useText } from '../../../text/language.tsx';
import { reasonWords } from './describeData.ts';

export function Refused({ reason }: { reason: string }) {
  const texts = useText();
  return (
    <span className="refused-value">
      {texts.citizen.record.refused}: {reasonWords(texts, reason)}
    </span>
  );
}
