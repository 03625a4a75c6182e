/**
 * Knowledge at the front (issue 5): when a request comes in, a social worker
 * or professional sees whether the resident already has a plan, who
 * coordinates it and how to reach them, and which organisations are involved
 * — nothing of the plan itself. The server decides and audits the read.
 */
import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { getInvolvement } from '../api/household';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { LoadState } from './LoadState';

export function InvolvementBox({ code, personId }: { code: string; personId: string }) {
  const { t } = useI18n();
  const { resource } = useResource(() => getInvolvement(code, personId), [code, personId]);
  return (
    <section className="samenspel-section" aria-labelledby="involvement-heading">
      <Heading2 id="involvement-heading">{t('involvement.heading')}</Heading2>
      <LoadState resource={resource}>
        {(inv) =>
          !inv.hasPlan || !inv.coordinator ? (
            <Paragraph>{t('involvement.none')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {inv.coordinator.organisation
                  ? t('involvement.coordinatorAt', { name: inv.coordinator.displayName, organisation: inv.coordinator.organisation })
                  : t('involvement.coordinator', { name: inv.coordinator.displayName })}
              </Paragraph>
              {(inv.coordinator.email || inv.coordinator.phone) && (
                <Paragraph>
                  {t('involvement.contact')}{' '}
                  {inv.coordinator.email && <Link href={`mailto:${inv.coordinator.email}`}>{inv.coordinator.email}</Link>}
                  {inv.coordinator.email && inv.coordinator.phone && ' · '}
                  {inv.coordinator.phone && <Link href={`tel:${inv.coordinator.phone.replace(/\s+/g, '')}`}>{inv.coordinator.phone}</Link>}
                </Paragraph>
              )}
              <Paragraph>
                {t('involvement.people', { count: inv.peopleInvolved })}
                {inv.organisations.length > 0 && ` ${t('involvement.organisations', { names: inv.organisations.map((o) => o.name).join(', ') })}`}
              </Paragraph>
              <Paragraph>{t('involvement.needToKnow')}</Paragraph>
            </>
          )
        }
      </LoadState>
    </section>
  );
}
