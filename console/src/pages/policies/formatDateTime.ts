// A date and time as the reader writes it, in the province's time zone (could be shared by every area).
import type { Language } from '../../text/language.tsx';

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}
