/**
 * A table that may scroll sideways on a phone. The scroll container is a
 * named, focusable region so keyboard users can scroll it too (WCAG 2.1.1).
 */
import { Table, TableCaption, TableContainer } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

interface ScrollTableProps {
  caption: string;
  /** Show the caption only to screen readers, when a heading above already says it. */
  hideCaption?: boolean;
  children: ReactNode;
}

export function ScrollTable({ caption, hideCaption = false, children }: ScrollTableProps) {
  const captionId = useId();
  return (
    <TableContainer overflowInline role="region" aria-labelledby={captionId} tabIndex={0} className="samenspel-table-container">
      <Table>
        <TableCaption id={captionId} className={hideCaption ? 'samenspel-visually-hidden' : undefined}>
          {caption}
        </TableCaption>
        {children}
      </Table>
    </TableContainer>
  );
}
