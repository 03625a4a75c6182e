/**
 * Demo outbox: the e-mails samenspel would have sent (password resets,
 * invitations). Exists only in demo mode; elsewhere it is a 404.
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import * as api from '../api/endpoints';
import type { OutboxMail } from '../api/types';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { LinkifiedText } from '../components/LinkifiedText';
import { Loading, LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { NotFoundPage } from './NotFoundPage';

export function OutboxPage() {
  const { config } = useSession();
  if (!config) return <Loading />;
  if (!config.demoMode) return <NotFoundPage />;
  return <Outbox />;
}

function Outbox() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const outbox = useResource(() => api.getOutbox(), []);

  return (
    <>
      <PageHeading>{t('outbox.title')}</PageHeading>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            outbox.reload();
            announce(t('outbox.refreshed'), 'info');
          }}
        >
          {t('outbox.refresh')}
        </Button>
      </ButtonGroup>
      <LoadState resource={outbox.resource}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph>{t('outbox.empty')}</Paragraph>
          ) : (
            <ol className="samenspel-mail-list">
              {[...items]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((mail) => (
                  <Mail key={mail.id} mail={mail} />
                ))}
            </ol>
          )
        }
      </LoadState>
    </>
  );
}

function Mail({ mail }: { mail: OutboxMail }) {
  const { t, formatDateTime } = useI18n();
  const headingId = `mail-${mail.id}`;
  return (
    <li className="samenspel-mail">
      <article aria-labelledby={headingId}>
        <Heading2 id={headingId} className="samenspel-mail__subject">
          {mail.subject}
        </Heading2>
        <DataList className="samenspel-data-list">
          <DataListItem>
            <DataListKey>{t('outbox.to')}</DataListKey>
            <DataListValue>{mail.to}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('outbox.sentAt')}</DataListKey>
            <DataListValue>
              <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
            </DataListValue>
          </DataListItem>
        </DataList>
        <LinkifiedText text={mail.text} />
      </article>
    </li>
  );
}
