/**
 * localStorage that never throws: private browsing modes and strict cookie
 * settings can make it unavailable, and a preference is not worth a crash.
 */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // The preference then lasts only until the page is reloaded.
  }
}
