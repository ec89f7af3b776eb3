// Dates as the reader reads them: their language, Vietnam's time zone. A plain ISO date (YYYY-MM-DD, a
// register's date) is a calendar day and is shown as it is; a date-time is shown in Asia/Ho_Chi_Minh.
import { useMemo } from 'react';
import { useLanguage, type Language } from '../text/language.tsx';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Dates {
  /** A day: "13 thg 4, 1994" / "13 Apr 1994". */
  day: (iso: string | null | undefined) => string;
  /** A moment, to the minute. */
  moment: (iso: string | null | undefined) => string;
}

export function datesIn(language: Language): Dates {
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const calendarDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const localDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TIME_ZONE });
  const localMoment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
  const parse = (iso: string) => (PLAIN_DATE.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso));
  const valid = (date: Date) => !Number.isNaN(date.getTime());
  return {
    day: (iso) => {
      if (!iso) return '';
      const date = parse(iso);
      if (!valid(date)) return iso;
      return PLAIN_DATE.test(iso) ? calendarDay.format(date) : localDay.format(date);
    },
    moment: (iso) => {
      if (!iso) return '';
      const date = parse(iso);
      return valid(date) ? localMoment.format(date) : iso;
    },
  };
}

/** One day or moment outside a component, e.g. in a sentence's text. */
export const formatDay = (iso: string | null | undefined, language: Language): string => datesIn(language).day(iso);
export const formatMoment = (iso: string | null | undefined, language: Language): string => datesIn(language).moment(iso);

export function useDates(): Dates {
  const { language } = useLanguage();
  return useMemo(() => datesIn(language), [language]);
}

/** Today in Vietnam as YYYY-MM-DD, moved by `days`: defaults and bounds of date inputs. */
export function vietnamDay(days = 0): string {
  const shifted = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted);
}

/** The moment a Vietnamese calendar day starts (00:00 in Asia/Ho_Chi_Minh, UTC+7 all year), as ISO. */
export function startOfVietnamDay(day: string, plusDays = 0): string {
  const start = new Date(`${day}T00:00:00+07:00`);
  return new Date(start.getTime() + plusDays * 86_400_000).toISOString();
}

/** The last moment of a Vietnamese calendar day, as ISO: "valid until the end of" a chosen day. */
export function endOfVietnamDay(day: string): string {
  return new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000 - 1000).toISOString();
}
