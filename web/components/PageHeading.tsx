/**
 * The one h1 of a page. It also sets the document title ("Inloggen |
 * samenspel"), and takes focus after an in-app navigation so that screen
 * readers announce the new page.
 */
import { Heading1 } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { useFocusAfterNavigation } from '../router';

interface PageHeadingProps {
  children: string;
  /** When the tab title should differ from the heading, e.g. "Start" for "Welkom, Sanne". */
  documentTitle?: string;
}

export function PageHeading({ children, documentTitle }: PageHeadingProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  const title = `${documentTitle ?? children} | ${t('app.titleSuffix')}`;

  useEffect(() => {
    document.title = title;
  }, [title]);
  useFocusAfterNavigation(ref);

  // tabIndex -1: focusable by script only, not a Tab stop.
  return (
    <Heading1 ref={ref} tabIndex={-1} className="samenspel-page-heading">
      {children}
    </Heading1>
  );
}
