// The append-only history of a connection request or a data-error report, oldest first.
import type { ReactNode } from 'react';
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';

export interface HistoryEvent {
  at: string;
  actor: string;
  actorAgency: string | null;
  action: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
}

export function HistoryTable<E extends HistoryEvent>({ events, actionName, stateName, details }: { events: E[]; actionName: (action: string) => string; stateName: (state: string) => string; details?: (event: E) => ReactNode }) {
  const t = useText();
  const dates = useDates();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.agency.history}</h2>
      <table className="agency-table" aria-labelledby="history-title">
      <thead>
        <tr>
          <th scope="col">{t.agency.when}</th>
          <th scope="col">{t.agency.who}</th>
          <th scope="col">{t.agency.action}</th>
          <th scope="col">{t.agency.fromTo}</th>
          <th scope="col">{t.agency.reason}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <tr key={index}>
            <td>{dates.moment(event.at)}</td>
            <td>{[event.actor, event.actorAgency].filter(Boolean).join(' · ')}</td>
            <td>{actionName(event.action)}</td>
            <td>{event.fromState ? `${stateName(event.fromState)} → ${stateName(event.toState)}` : stateName(event.toState)}</td>
            <td>
              {event.reason}
              {details?.(event)}
            </td>
          </tr>
        ))}
      </tbody>
      </table>
    </section>
  );
}
