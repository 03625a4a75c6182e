/**
 * Geblokkeerde personen (`/geblokkeerde-personen`): whom the person blocked,
 * by first name only, and lifting a block after a confirmation step.
 * Blocking itself happens on a match's page (SafetyActions).
 */
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useRef } from 'react';
import * as api from '../api/safety';
import type { Block } from '../api/safety';
import type { Membership } from '../api/types';
import { useAnnounce } from '../app/status';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmStep';
import { RequireSignIn } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import '../components/neighbour-help.css';
import '../components/safety.css';

export function MyBlocksPage() {
  return <RequireSignIn>{({ membership }) => <MyBlocks key={membership.municipality.code} membership={membership} />}</RequireSignIn>;
}

function MyBlocks({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const { resource, setData } = useResource(() => api.listMyBlocks(code), [code]);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <>
      <PageHeading>{t('blocks.title')}</PageHeading>
      <Paragraph appearance="lead">{t('blocks.intro')}</Paragraph>
      <Paragraph>{t('blocks.howTo')}</Paragraph>
      <section className="samenspel-section" aria-labelledby="blocks-list">
        <Heading2 id="blocks-list" ref={heading} tabIndex={-1} className="samenspel-page-heading">
          {t('blocks.listHeading')}
        </Heading2>
        <LoadState resource={resource}>
          {(blocks) =>
            blocks.length === 0 ? (
              <Paragraph>{t('blocks.empty')}</Paragraph>
            ) : (
              <ul className="samenspel-card-list">
                {blocks.map((block) => (
                  <BlockItem
                    key={block.personId}
                    code={code}
                    block={block}
                    onLifted={() => {
                      setData(blocks.filter((b) => b.personId !== block.personId));
                      // The item and its button are gone: continue from the list's heading.
                      heading.current?.focus();
                    }}
                  />
                ))}
              </ul>
            )
          }
        </LoadState>
      </section>
    </>
  );
}

function BlockItem({ code, block, onLifted }: { code: string; block: Block; onLifted: () => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();
  const name = block.givenName || t('blocks.someone');

  const lift = () =>
    step.run(
      async () => {
        await api.unblock(code, block.personId);
        announce(t('blocks.unblocked', { name }));
        onLifted();
      },
      (failure) => problemMessage(i18n, failure),
    );

  return (
    <li className="samenspel-card">
      <Heading3 className="samenspel-card__heading">{name}</Heading3>
      <Paragraph>
        <time dateTime={block.createdAt}>{t('blocks.since', { date: formatDate(block.createdAt) })}</time>
      </Paragraph>
      {step.confirming ? (
        <ConfirmStep
          heading={t('blocks.confirmHeading', { name })}
          error={step.error}
          busy={step.busy}
          yes={t('blocks.confirmYes')}
          busyLabel={t('blocks.unblocking')}
          no={t('blocks.confirmNo')}
          onYes={() => void lift()}
          onNo={step.cancel}
        >
          <Paragraph>{t('blocks.confirmText', { name })}</Paragraph>
        </ConfirmStep>
      ) : (
        <ButtonGroup>
          <Button ref={step.startRef} appearance="secondary-action-button" onClick={step.open}>
            {t('blocks.unblockNamed', { name })}
          </Button>
        </ButtonGroup>
      )}
    </li>
  );
}
