// An area's row of links between its pages, the current one marked (NavLink's `active` class).
import { NavLink } from 'react-router-dom';

export interface Tab {
  to: string;
  label: string;
  /** Marked only on this very path, not on the pages below it. */
  end?: boolean;
}

export function Tabs({ label, tabs, className }: { label: string; tabs: Tab[]; className?: string }) {
  return (
    <nav aria-label={label}>
      <ul className={className ? `tabs ${className}` : 'tabs'}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
