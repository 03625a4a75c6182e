/**
 * Loads data for a page and tracks loading, success and failure. A newer
 * load (other arguments, or `reload()`) wins over an older one that answers
 * late, and nothing is set after the page has gone.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

export function useResource<T>(load: () => Promise<T>, deps: DependencyList) {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const keepData = useRef(false);

  useEffect(() => {
    const ticket = ++latest.current;
    const keep = keepData.current;
    keepData.current = false;
    setResource((current) => (keep && current.status === 'ready' ? current : { status: 'loading' }));
    load().then(
      (data) => ticket === latest.current && setResource({ status: 'ready', data }),
      (error: unknown) => ticket === latest.current && setResource({ status: 'error', error }),
    );
    return () => {
      // Unmounted or superseded: ignore whatever arrives for this ticket.
      if (ticket === latest.current) latest.current++;
    };
    // `load` is a fresh closure every render; `deps` says when it really changes.
  }, [...deps, version]);

  /** Loads again; the old data stays on screen until the new data arrives. */
  const reload = useCallback(() => {
    keepData.current = true;
    setVersion((v) => v + 1);
  }, []);
  /** Replaces the data after a save, without another request. */
  const setData = useCallback((data: T) => setResource({ status: 'ready', data }), []);

  return { resource, reload, setData };
}
