// A dataset's freshness for its declared frequency, as a word and a colour (the word carries the meaning;
// the colour only repeats it).
import { useText } from '../../text/language.tsx';
import type { Freshness } from './openDataTypes.ts';

export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const t = useText();
  return <span className={`freshness freshness-${freshness.toLowerCase()}`}>{t.openData.freshnessNames[freshness] ?? freshness}</span>;
}
