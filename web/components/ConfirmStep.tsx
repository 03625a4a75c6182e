/**
 * The second step of a confirmation: a warning box whose heading takes focus,
 * an optional error, a "yes" with a busy state and a "no" that goes back.
 * The caller keeps the state (`confirming`) and returns focus to the button
 * that opened it (see useConfirmStep).
 */
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AlertBox } from './AlertBox';
import './neighbour-help.css';

export function ConfirmStep({
  heading,
  children,
  error,
  busy,
  yes,
  busyLabel,
  no,
  onYes,
  onNo,
}: {
  heading: string;
  children?: ReactNode;
  error: string | null;
  busy: boolean;
  yes: string;
  busyLabel: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <AlertBox type="warning" className="samenspel-confirm">
      <Heading3 ref={headingRef} tabIndex={-1} className="samenspel-page-heading">
        {heading}
      </Heading3>
      {children}
      {error && (
        <Paragraph role="alert" className="samenspel-confirm__error">
          {error}
        </Paragraph>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={busy} onClick={onYes}>
          {busy ? busyLabel : yes}
        </Button>
        <Button appearance="secondary-action-button" disabled={busy} onClick={onNo}>
          {no}
        </Button>
      </ButtonGroup>
    </AlertBox>
  );
}

/** State for a confirmation step; focus returns to `startRef` when the person says no. */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!confirming && returnFocus.current) startRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);
  return {
    confirming,
    busy,
    error,
    startRef,
    open: () => setConfirming(true),
    cancel: () => {
      returnFocus.current = true;
      setError(null);
      setConfirming(false);
    },
    /** Runs the action; on failure shows `describe(failure)` and stays open. */
    run: async (action: () => Promise<void>, describe: (failure: unknown) => string) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        await action();
        setBusy(false);
        setConfirming(false);
      } catch (failure) {
        setBusy(false);
        setError(describe(failure));
      }
    },
  };
}
