/**
 * The frame of every page: skip link, header, menu, main content with the
 * status region, footer. <main> is focusable (tabIndex -1) as the skip
 * link's target.
 */
import { Page } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { MAIN_ID, SkipToContent } from './SkipToContent';
import { StatusRegion } from './StatusRegion';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="samenspel-app">
      <SkipToContent />
      <AppHeader />
      <MainNav />
      <Page className="samenspel-page">
        <main id={MAIN_ID} tabIndex={-1} className="utrecht-page-content samenspel-main">
          <StatusRegion />
          {children}
        </main>
      </Page>
      <AppFooter />
    </div>
  );
}
