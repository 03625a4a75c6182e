/**
 * Plain e-mail text with its web addresses made clickable. Only http(s)
 * addresses become links; everything else stays text (React escapes it).
 */
import { Link } from '@utrecht/component-library-react';
import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <p className="utrecht-paragraph samenspel-mail-text">
      {parts.map((part, index) =>
        // split() with a capture group puts the matches at odd indexes.
        index % 2 === 1 ? (
          <Link key={index} href={part}>
            {part}
          </Link>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}
