// The citizen's pages, one link each, and whom the citizen acts for (a parent), shown above every one of them.
import { useText } from '../../text/language.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { ActingForPicker } from './common/ActingForPicker.tsx';

export const CITIZEN_PAGES = ['record', 'consents', 'requests', 'access-log'] as const;
export type CitizenPage = (typeof CITIZEN_PAGES)[number];

export function useCitizenPageTitle(): (page: CitizenPage) => string {
  const t = useText().citizen.nav;
  return (page) => ({ record: t.record, consents: t.consents, requests: t.requests, 'access-log': t.accessLog })[page];
}

export function CitizenNav() {
  const t = useText().citizen.nav;
  const title = useCitizenPageTitle();
  return (
    <>
      <Tabs label={t.label} tabs={CITIZEN_PAGES.map((page) => ({ to: `/me/${page}`, label: title(page) }))} />
      <ActingForPicker />
    </>
  );
}
