/**
 * Geblokkeerde personen (`/geblokkeerde-personen`): whom the person blocked,
 * by first name only, and lifting a block after a confirmation step.
 * Blocking itself happens on a match's page (SafetyActions).
 */
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import * as api from '../api/safety';
import type { Block } from '../api/safety';
import type { Membership } from '../api/types';
import { useAnnounce } from '../app/status';
import { AlertBox } from '../components/AlertBox';
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
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const name = block.givenName || t('blocks.someone');

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
    else if (returnFocus.current) startButton.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const lift = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.unblock(code, block.personId);
      announce(t('blocks.unblocked', { name }));
      onLifted();
    } catch (failure) {
      setBusy(false);
      setError(problemMessage(i18n, failure));
    }
  };

  return (
    <li className="samenspel-card">
      <Heading3 className="samenspel-card__heading">{name}</Heading3>
      <Paragraph>
        <time dateTime={block.createdAt}>{t('blocks.since', { date: formatDate(block.createdAt) })}</time>
      </Paragraph>
      {confirming ? (
        <AlertBox type="warning" className="samenspel-confirm">
          <Heading3 ref={confirmHeading} tabIndex={-1} className="samenspel-page-heading">
            {t('blocks.confirmHeading', { name })}
          </Heading3>
          <Paragraph>{t('blocks.confirmText', { name })}</Paragraph>
          {error && (
            <Paragraph role="alert" className="samenspel-safety-error">
              {error}
            </Paragraph>
          )}
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} onClick={() => void lift()}>
              {busy ? t('blocks.unblocking') : t('blocks.confirmYes')}
            </Button>
            <Button
              appearance="secondary-action-button"
              disabled={busy}
              onClick={() => {
                returnFocus.current = true;
                setError(null);
                setConfirming(false);
              }}
            >
              {t('blocks.confirmNo')}
            </Button>
          </ButtonGroup>
        </AlertBox>
      ) : (
        <ButtonGroup>
          <Button ref={startButton} appearance="secondary-action-button" onClick={() => setConfirming(true)}>
            {t('blocks.unblockNamed', { name })}
          </Button>
        </ButtonGroup>
      )}
    </li>
  );
}
