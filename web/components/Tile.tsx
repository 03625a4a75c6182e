/**
 * A task tile on the home page: a heading that is a link, and one line on
 * what you can do there. Tiles without a link describe something coming
 * soon. NL Design System's Card nests a link inside a clickable card, which
 * axe reports as nested interactive content, so this is a plain list item.
 */
import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { RouterLink } from '../router';

interface TileProps {
  title: string;
  text: string;
  href?: string;
  badge?: ReactNode;
}

export function Tile({ title, text, href, badge }: TileProps) {
  return (
    <li className={`samenspel-tile ${href ? 'samenspel-tile--link' : 'samenspel-tile--coming'}`}>
      <h3 className="utrecht-heading-3 samenspel-tile__heading">
        {href ? (
          <RouterLink href={href} className="samenspel-tile__link">
            {title}
          </RouterLink>
        ) : (
          title
        )}
      </h3>
      {badge}
      <Paragraph className="samenspel-tile__text">{text}</Paragraph>
    </li>
  );
}

export function TileList({ children }: { children: ReactNode }) {
  return <ul className="samenspel-tiles">{children}</ul>;
}
