// Dates as the reader reads them: in the page's language, in the province's time zone (Asia/Ho_Chi_Minh).
// Could be shared with the other areas.
import { useMemo } from 'react';
import { useLanguage } from '../../../text/language.tsx';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

/** A day (YYYY-MM-DD) is a day in the province: read it at the province's midnight. */
const dayToDate = (day: string) => new Date(`${day}T00:00:00+07:00`);

export function useDates() {
  const { language } = useLanguage();
  return useMemo(() => {
    const dayFormat = new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' });
    const timeFormat = new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    const valid = (date: Date) => !Number.isNaN(date.getTime());
    return {
      /** A YYYY-MM-DD day. */
      day: (day: string | null | undefined) => (day ? (valid(dayToDate(day)) ? dayFormat.format(dayToDate(day)) : day) : ''),
      /** An ISO date-time. */
      moment: (iso: string | null | undefined) => (iso ? (valid(new Date(iso)) ? timeFormat.format(new Date(iso)) : iso) : ''),
    };
  }, [language]);
}

/** Today in the province, YYYY-MM-DD, moved by `days`. */
export function provinceDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const moved = new Date(`${today}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}
