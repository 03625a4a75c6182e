/**
 * The other person's contact details, shown only once both sides said yes
 * (the server sends them only then). Clearly marked, with a reminder that
 * the details are for this match only. Phone and e-mail are links, so a
 * phone can call straight away.
 */
import { DataList, DataListItem, DataListKey, DataListValue, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { MatchContactPerson } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatPostcode } from './neighbour-help';

export interface ContactCardProps {
  person: MatchContactPerson & { address?: { postcode: string; houseNumber: number; houseNumberAddition: string | null } | null };
  /** The first name for the heading: "Gegevens van Victor". */
  givenName: string;
  id: string;
  /** h2 on the match page; h4 inside a card on the request page. */
  level?: 2 | 3 | 4;
}

export function ContactCard({ person, givenName, id, level = 2 }: ContactCardProps) {
  const { t } = useI18n();
  const address = person.address;
  const unknown = <span className="samenspel-contact-card__unknown">{t('contact.unknown')}</span>;
  return (
    <section className="samenspel-contact-card" aria-labelledby={id}>
      <Heading level={level} id={id} tabIndex={-1} className="samenspel-contact-card__heading">
        {t('contact.heading', { name: givenName })}
      </Heading>
      <Paragraph className="samenspel-contact-card__intro">{t('contact.intro')}</Paragraph>
      <DataList className="samenspel-data-list">
        <DataListItem>
          <DataListKey>{t('contact.name')}</DataListKey>
          <DataListValue>{person.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('contact.phone')}</DataListKey>
          <DataListValue>{person.phone ? <Link href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</Link> : unknown}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('contact.email')}</DataListKey>
          <DataListValue>{person.email ? <Link href={`mailto:${person.email}`}>{person.email}</Link> : unknown}</DataListValue>
        </DataListItem>
        {address && (
          <DataListItem>
            <DataListKey>{t('contact.address')}</DataListKey>
            <DataListValue>
              {formatPostcode(address.postcode)}, {address.houseNumber}
              {address.houseNumberAddition ? ` ${address.houseNumberAddition}` : ''}
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
    </section>
  );
}
