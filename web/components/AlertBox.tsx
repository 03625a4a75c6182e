/**
 * The look of an NL Design System alert, without its ARIA role.
 *
 * `<Alert>` always adds role="alert" or role="status". Where the message sits
 * inside a live region already (StatusRegion), or receives focus (the error
 * summary), that role would make screen readers read it twice.
 */
import type { ReactNode, Ref } from 'react';

export interface AlertBoxProps {
  type: 'ok' | 'info' | 'warning' | 'error';
  children: ReactNode;
  id?: string;
  className?: string;
  tabIndex?: number;
  boxRef?: Ref<HTMLDivElement>;
}

export function AlertBox({ type, children, className, boxRef, ...rest }: AlertBoxProps) {
  return (
    <div ref={boxRef} className={`utrecht-alert utrecht-alert--${type} ${className ?? ''}`.trim()} {...rest}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
