// A page of the policy console: for security officers, with the console's tabs above its content.
import type { ReactNode } from 'react';
import { Page } from '../../ui/Page.tsx';
import { PolicyTabs } from './PolicyTabs.tsx';

export function PolicyPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title} roles={['security-officer']}>
      <PolicyTabs />
      {children}
    </Page>
  );
}
