/**
 * A tiny router over the History API.
 *
 * samenspel has a handful of routes, so a dependency would be more code to
 * trust than this file. What it does:
 * - `useLocation()` re-renders on pushState/replaceState/back/forward;
 * - `navigate(to)` changes the URL without reloading;
 * - `<RouterLink>` is an NL Design System link that navigates in place on a
 *   plain left click and behaves like any link otherwise (new tab etc.);
 * - `matchRoute()` matches `/beheer/gebruikers/:id` style patterns;
 * - after a navigation the page's h1 takes focus (see `useFocusAfterNavigation`),
 *   so screen reader and keyboard users start at the new content, as they
 *   would after a full page load.
 */
import { Link, type LinkProps } from '@utrecht/component-library-react';
import { forwardRef, useEffect, useSyncExternalStore, type MouseEvent, type RefObject } from 'react';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

const listeners = new Set<() => void>();
let focusPending = false;
let lastPathname = typeof window === 'undefined' ? '/' : window.location.pathname;

function notify(): void {
  for (const listener of listeners) listener();
}

function onPopState(): void {
  // A fragment change (e.g. #token=...) is not a new page: leave focus alone.
  if (window.location.pathname !== lastPathname) focusPending = true;
  lastPathname = window.location.pathname;
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

const snapshot = () => window.location.pathname + window.location.search + window.location.hash;

/** The current location; the component re-renders when it changes. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

/**
 * Goes to another page of the app.
 * `replace` for redirects, so that Back does not land on the redirecting page.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  focusPending = true;
  lastPathname = window.location.pathname;
  window.scrollTo(0, 0);
  notify();
}

/**
 * Moves focus to `ref` (the page's h1) when the page was reached through a
 * navigation inside the app. On the first load the browser's own focus
 * handling is kept, so the skip link stays the first Tab stop.
 */
export function useFocusAfterNavigation(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus();
    }
  });
}

/** `/a/:id` against `/a/42` gives `{ id: '42' }`; null when it does not match. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** Only paths inside this app may be used as a return address after sign-in. */
export function isSafeReturnPath(value: string | null): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Click handler for any anchor that should navigate inside the app: a plain
 * left click stays in the app; Ctrl/Cmd-click, middle click and
 * `target="_blank"` keep the browser's behaviour.
 */
export function handleLinkClick(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  const target = event.currentTarget.target;
  if (event.defaultPrevented || !isPlainLeftClick(event) || (target && target !== '_self')) return;
  event.preventDefault();
  navigate(href);
}

export interface RouterLinkProps extends LinkProps {
  href: string;
}

/** An NL Design System link that navigates inside the app without a reload. */
export const RouterLink = forwardRef<HTMLAnchorElement, RouterLinkProps>(function RouterLink(
  { href, onClick, ...rest },
  ref,
) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    handleLinkClick(event, href);
  };
  return <Link ref={ref} href={href} onClick={handleClick} {...rest} />;
});
