/**
 * What a page shows while its data loads or when loading failed. The
 * loading text is in a status role so screen readers hear that something
 * is happening; a failure is an alert with the catalogue message.
 */
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import type { Resource } from '../lib/use-resource';

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" className="samenspel-loading">
      {t('app.loading')}
    </Paragraph>
  );
}

export function ProblemAlert({ error }: { error: unknown }) {
  const i18n = useI18n();
  return (
    <Alert type="error">
      <Paragraph>{problemMessage(i18n, error)}</Paragraph>
    </Alert>
  );
}

/** Renders `children(data)` once the resource is ready. */
export function LoadState<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ProblemAlert error={resource.error} />;
  return <>{children(resource.data)}</>;
}
