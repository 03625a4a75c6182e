/** An NL Design System button-styled link that navigates inside the app. */
import { ButtonLink, type ButtonLinkProps } from '@utrecht/component-library-react';
import { handleLinkClick } from '../router';

export function RouterButtonLink({ href, onClick, ...rest }: ButtonLinkProps & { href: string }) {
  return (
    <ButtonLink
      href={href}
      onClick={(event) => {
        onClick?.(event);
        handleLinkClick(event, href);
      }}
      {...rest}
    />
  );
}
