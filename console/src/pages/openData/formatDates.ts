// Dates and instants of the API said in the reader's language, on the province's clock (could be shared
// by every area: it depends on nothing of open data).
import type { Language } from '../../text/language.tsx';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const ZONE = 'Asia/Ho_Chi_Minh';

/** An ISO date (YYYY-MM-DD) as a calendar date, e.g. "20 thg 11, 2026" / "20 Nov 2026". */
export function formatDate(iso: string, language: Language): string {
  // A bare date is a calendar day, not an instant: read and written in UTC so no zone moves it.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : ZONE;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone }).format(day);
}

/** An ISO instant with its time, in Vietnam's time. */
export function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
}
