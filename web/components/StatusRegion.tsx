/**
 * The polite live region for status messages (see app/status.tsx). It is
 * always in the page, empty or not: a live region that appears together with
 * its text is often not announced.
 */
import { useStatus } from '../app/status';
import { AlertBox } from './AlertBox';

export function StatusRegion() {
  const { message } = useStatus();
  return (
    <div role="status" aria-live="polite" className="samenspel-status-region">
      {message && (
        <AlertBox key={message.id} type={message.kind}>
          <p className="utrecht-paragraph">{message.text}</p>
        </AlertBox>
      )}
    </div>
  );
}
